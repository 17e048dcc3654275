using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TeamAndSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "share_until",
                table: "invitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "shared_areas",
                table: "invitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "access_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    viewer_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    viewer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organisation_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    what = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    viewed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_log_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "team_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    professional_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_key_worker = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_team_lead = table.Column<bool>(type: "INTEGER", nullable: false),
                    joined_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    added_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    left_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_team_members_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_team_members_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_team_members_professionals_professional_id",
                        column: x => x.professional_id,
                        principalTable: "professionals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sharing_consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    granted_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    granted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    withdrawn_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    withdrawn_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_consents", x => x.id);
                    table.ForeignKey(
                        name: "fk_sharing_consents_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sharing_consents_team_members_team_member_id",
                        column: x => x.team_member_id,
                        principalTable: "team_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_log_child_id_viewed_at",
                table: "access_log",
                columns: new[] { "child_id", "viewed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_consents_child_id",
                table: "sharing_consents",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_sharing_consents_team_member_id_withdrawn_at",
                table: "sharing_consents",
                columns: new[] { "team_member_id", "withdrawn_at" });

            migrationBuilder.CreateIndex(
                name: "ix_team_members_area_id",
                table: "team_members",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_child_id_left_at",
                table: "team_members",
                columns: new[] { "child_id", "left_at" });

            migrationBuilder.CreateIndex(
                name: "ix_team_members_professional_id_left_at",
                table: "team_members",
                columns: new[] { "professional_id", "left_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_log");

            migrationBuilder.DropTable(
                name: "sharing_consents");

            migrationBuilder.DropTable(
                name: "team_members");

            migrationBuilder.DropColumn(
                name: "share_until",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "shared_areas",
                table: "invitations");
        }
    }
}
