using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AttentionSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attention_signals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    record_area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    about_area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    measure = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    computed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attention_signals", x => x.id);
                    table.ForeignKey(
                        name: "fk_attention_signals_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attention_thresholds",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provision_behind_percent = table.Column<int>(type: "integer", nullable: false),
                    record_awaiting_working_days = table.Column<int>(type: "integer", nullable: false),
                    repeated_concerns = table.Column<int>(type: "integer", nullable: false),
                    no_contact_weeks = table.Column<int>(type: "integer", nullable: false),
                    statutory_due_working_days = table.Column<int>(type: "integer", nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    changed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attention_thresholds", x => x.organisation_id);
                    table.ForeignKey(
                        name: "fk_attention_thresholds_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "job_leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_leases", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attention_signals_area_id",
                table: "attention_signals",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_attention_signals_child_id_kind_subject_key",
                table: "attention_signals",
                columns: new[] { "child_id", "kind", "subject_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attention_signals_organisation_id_kind",
                table: "attention_signals",
                columns: new[] { "organisation_id", "kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attention_signals");

            migrationBuilder.DropTable(
                name: "attention_thresholds");

            migrationBuilder.DropTable(
                name: "job_leases");
        }
    }
}
