using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CorrectionsOnAClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "correction_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    part = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    words = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    what_is_wrong = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    suggested_words = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    author_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requested_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    requested_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    corrected_words = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    answered_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    answered_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    answered_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correction_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_correction_requests_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_child_id_subject_id",
                table: "correction_requests",
                columns: new[] { "child_id", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_correction_requests_organisation_id_status",
                table: "correction_requests",
                columns: new[] { "organisation_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correction_requests");
        }
    }
}
