using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SupportPlansWrittenWithTheFamily : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "plan_id",
                table: "commitments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SupportPlans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    shared_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    agreed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    review_by = table.Column<DateOnly>(type: "date", nullable: true),
                    about_me_versions = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_plans_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plans_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_support_plans_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanLines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    part = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    broad_area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    achieve_by = table.Column<DateOnly>(type: "date", nullable: true),
                    how_we_will_know = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    provider_team_member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    provider_organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    quantity = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    minutes_per_session = table.Column<int>(type: "integer", nullable: true),
                    period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    term_time_only = table.Column<bool>(type: "boolean", nullable: false),
                    serves = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_lines_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "SupportPlans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanResponses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_revision = table.Column<int>(type: "integer", nullable: false),
                    plan_number = table.Column<int>(type: "integer", nullable: false),
                    answer = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    words = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    accepted = table.Column<bool>(type: "boolean", nullable: true),
                    reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    replied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    replied_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    accepted_revision = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_responses_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "SupportPlans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanVersions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_versions_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "SupportPlans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commitments_plan_id",
                table: "commitments",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_lines_commitment_id",
                table: "PlanLines",
                column: "commitment_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_lines_plan_id_kind_position",
                table: "PlanLines",
                columns: new[] { "plan_id", "kind", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_responses_plan_id_line_id",
                table: "PlanResponses",
                columns: new[] { "plan_id", "line_id" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_versions_plan_id_number_stage",
                table: "PlanVersions",
                columns: new[] { "plan_id", "number", "stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_area_id",
                table: "SupportPlans",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_child_id",
                table: "SupportPlans",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_organisation_id",
                table: "SupportPlans",
                column: "organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanLines");

            migrationBuilder.DropTable(
                name: "PlanResponses");

            migrationBuilder.DropTable(
                name: "PlanVersions");

            migrationBuilder.DropTable(
                name: "SupportPlans");

            migrationBuilder.DropIndex(
                name: "ix_commitments_plan_id",
                table: "commitments");

            migrationBuilder.DropColumn(
                name: "plan_id",
                table: "commitments");
        }
    }
}
