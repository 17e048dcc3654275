using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AdviceAskedOnAClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdviceRequests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    part = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    about = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    adviser_team_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    adviser_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    adviser_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    adviser_organisation_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    asked_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    asked_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    asked_by_organisation_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    asked_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    process_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    advice = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    given_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    document_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advice_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_advice_requests_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_advice_requests_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "Documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recommendations", x => x.id);
                    table.ForeignKey(
                        name: "fk_recommendations_advice_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "AdviceRequests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_advice_requests_adviser_user_id_status_due_on",
                table: "AdviceRequests",
                columns: new[] { "adviser_user_id", "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_advice_requests_child_id",
                table: "AdviceRequests",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_advice_requests_document_id",
                table: "AdviceRequests",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_request_id",
                table: "Recommendations",
                column: "request_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "AdviceRequests");
        }
    }
}
