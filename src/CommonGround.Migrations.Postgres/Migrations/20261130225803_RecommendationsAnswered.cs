using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecommendationsAnswered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecommendationAnswers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recommendation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    adopted = table.Column<bool>(type: "boolean", nullable: false),
                    line_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    answered_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answered_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    answered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    dispute_concern_id = table.Column<Guid>(type: "uuid", nullable: true),
                    disputed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recommendation_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_recommendation_answers_advice_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "AdviceRequests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recommendation_answers_concerns_dispute_concern_id",
                        column: x => x.dispute_concern_id,
                        principalTable: "concerns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recommendation_answers_plan_lines_line_id",
                        column: x => x.line_id,
                        principalTable: "PlanLines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recommendation_answers_recommendations_recommendation_id",
                        column: x => x.recommendation_id,
                        principalTable: "Recommendations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recommendation_answers_support_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "SupportPlans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_recommendation_answers_child_id",
                table: "RecommendationAnswers",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendation_answers_dispute_concern_id",
                table: "RecommendationAnswers",
                column: "dispute_concern_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendation_answers_line_id",
                table: "RecommendationAnswers",
                column: "line_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendation_answers_plan_id_recommendation_id",
                table: "RecommendationAnswers",
                columns: new[] { "plan_id", "recommendation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recommendation_answers_recommendation_id",
                table: "RecommendationAnswers",
                column: "recommendation_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendation_answers_request_id",
                table: "RecommendationAnswers",
                column: "request_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecommendationAnswers");
        }
    }
}
