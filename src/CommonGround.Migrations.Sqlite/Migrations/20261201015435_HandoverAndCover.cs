using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HandoverAndCover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_standing_in",
                table: "team_members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "first_asked_as",
                table: "AdviceRequests",
                type: "TEXT",
                maxLength: 420,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "covers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key_worker_place_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key_worker_professional_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key_worker_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key_worker_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    cover_place_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cover_professional_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cover_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cover_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    set_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    set_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    set_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ended_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_covers", x => x.id);
                    table.ForeignKey(
                        name: "fk_covers_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "handovers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    what = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    part = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    about_part = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    from_professional_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    to_professional_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    to_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    why = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handovers", x => x.id);
                    table.ForeignKey(
                        name: "fk_handovers_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_covers_child_id_until",
                table: "covers",
                columns: new[] { "child_id", "until" });

            migrationBuilder.CreateIndex(
                name: "ix_covers_until_ended_at",
                table: "covers",
                columns: new[] { "until", "ended_at" });

            migrationBuilder.CreateIndex(
                name: "ix_handovers_child_id_at",
                table: "handovers",
                columns: new[] { "child_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "covers");

            migrationBuilder.DropTable(
                name: "handovers");

            migrationBuilder.DropColumn(
                name: "is_standing_in",
                table: "team_members");

            migrationBuilder.DropColumn(
                name: "first_asked_as",
                table: "AdviceRequests");
        }
    }
}
