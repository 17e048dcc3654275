using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ChildRowsFoundByTheChild : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_statutory_events_child_id",
                table: "statutory_events",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_child_id",
                table: "Recommendations",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_versions_child_id",
                table: "PlanVersions",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_responses_child_id",
                table: "PlanResponses",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_outcome_progress_child_id",
                table: "PlanOutcomeProgress",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_lines_child_id",
                table: "PlanLines",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_child_id",
                table: "notifications",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_feedback_child_id",
                table: "meeting_feedback",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitment_comments_child_id",
                table: "commitment_comments",
                column: "child_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_statutory_events_child_id",
                table: "statutory_events");

            migrationBuilder.DropIndex(
                name: "ix_recommendations_child_id",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "ix_plan_versions_child_id",
                table: "PlanVersions");

            migrationBuilder.DropIndex(
                name: "ix_plan_responses_child_id",
                table: "PlanResponses");

            migrationBuilder.DropIndex(
                name: "ix_plan_outcome_progress_child_id",
                table: "PlanOutcomeProgress");

            migrationBuilder.DropIndex(
                name: "ix_plan_lines_child_id",
                table: "PlanLines");

            migrationBuilder.DropIndex(
                name: "ix_notifications_child_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_meeting_feedback_child_id",
                table: "meeting_feedback");

            migrationBuilder.DropIndex(
                name: "ix_commitment_comments_child_id",
                table: "commitment_comments");
        }
    }
}
