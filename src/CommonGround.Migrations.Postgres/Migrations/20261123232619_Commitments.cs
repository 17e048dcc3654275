using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Commitments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    what = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    record_area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_professional_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    quantity_per_period = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    minutes_per_session = table.Column<int>(type: "integer", nullable: true),
                    period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    term_time_only = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitments", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitments_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_commitments_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_commitments_organisations_owner_organisation_id",
                        column: x => x.owner_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_commitments_professionals_owner_professional_id",
                        column: x => x.owner_professional_id,
                        principalTable: "professionals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "language_advice_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    saved_anyway = table.Column<bool>(type: "boolean", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_language_advice_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_language_advice_records_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "term_dates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_term_dates", x => x.id);
                    table.ForeignKey(
                        name: "fk_term_dates_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commitment_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    by_family = table.Column<bool>(type: "boolean", nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitment_comments_commitments_commitment_id",
                        column: x => x.commitment_id,
                        principalTable: "commitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commitment_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    to = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    changed_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    changed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitment_status_changes_commitments_commitment_id",
                        column: x => x.commitment_id,
                        principalTable: "commitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "delivery_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    delivered = table.Column<bool>(type: "boolean", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: true),
                    delivered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    missed_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    family_response = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    family_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    family_responded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    family_responded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    dispute_resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    dispute_resolved_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    set_aside_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_delivery_records_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_delivery_records_commitments_commitment_id",
                        column: x => x.commitment_id,
                        principalTable: "commitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commitment_comments_commitment_id",
                table: "commitment_comments",
                column: "commitment_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitment_status_changes_commitment_id",
                table: "commitment_status_changes",
                column: "commitment_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_area_id",
                table: "commitments",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_child_id",
                table: "commitments",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_owner_organisation_id_status",
                table: "commitments",
                columns: new[] { "owner_organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_commitments_owner_professional_id_status",
                table: "commitments",
                columns: new[] { "owner_professional_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_records_child_id_family_response",
                table: "delivery_records",
                columns: new[] { "child_id", "family_response" });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_records_commitment_id_date",
                table: "delivery_records",
                columns: new[] { "commitment_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_language_advice_records_organisation_id_date",
                table: "language_advice_records",
                columns: new[] { "organisation_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_term_dates_organisation_id_start_date",
                table: "term_dates",
                columns: new[] { "organisation_id", "start_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commitment_comments");

            migrationBuilder.DropTable(
                name: "commitment_status_changes");

            migrationBuilder.DropTable(
                name: "delivery_records");

            migrationBuilder.DropTable(
                name: "language_advice_records");

            migrationBuilder.DropTable(
                name: "term_dates");

            migrationBuilder.DropTable(
                name: "commitments");
        }
    }
}
