using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PlanReviewsLookAtEachOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "review_meeting_id",
                table: "SupportPlans",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "review_number",
                table: "SupportPlans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PlanOutcomeProgress",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome_line_id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_number = table.Column<int>(type: "integer", nullable: false),
                    by_family = table.Column<bool>(type: "boolean", nullable: false),
                    part = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    outcome_text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    progress = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    words = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_outcome_progress", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_outcome_progress_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "SupportPlans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_support_plans_review_meeting_id",
                table: "SupportPlans",
                column: "review_meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_outcome_progress_plan_id_review_number_outcome_line_id_b",
                table: "PlanOutcomeProgress",
                columns: new[] { "plan_id", "review_number", "outcome_line_id", "by_family" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_support_plans_meetings_review_meeting_id",
                table: "SupportPlans",
                column: "review_meeting_id",
                principalTable: "meetings",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_support_plans_meetings_review_meeting_id",
                table: "SupportPlans");

            migrationBuilder.DropTable(
                name: "PlanOutcomeProgress");

            migrationBuilder.DropIndex(
                name: "ix_support_plans_review_meeting_id",
                table: "SupportPlans");

            migrationBuilder.DropColumn(
                name: "review_meeting_id",
                table: "SupportPlans");

            migrationBuilder.DropColumn(
                name: "review_number",
                table: "SupportPlans");
        }
    }
}
