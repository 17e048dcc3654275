using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildrenIWorkWithKeepTiesInPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_members_professional_id_left_at_child_date_of_birth_child_last_name",
                table: "team_members");

            migrationBuilder.DropIndex(
                name: "ix_team_members_professional_id_left_at_child_last_name_child_first_name",
                table: "team_members");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_professional_id_left_at_child_date_of_birth_child_last_name_child_first_name_child_id",
                table: "team_members",
                columns: new[] { "professional_id", "left_at", "child_date_of_birth", "child_last_name", "child_first_name", "child_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_members_professional_id_left_at_child_last_name_child_first_name_child_id",
                table: "team_members",
                columns: new[] { "professional_id", "left_at", "child_last_name", "child_first_name", "child_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_members_professional_id_left_at_child_date_of_birth_child_last_name_child_first_name_child_id",
                table: "team_members");

            migrationBuilder.DropIndex(
                name: "ix_team_members_professional_id_left_at_child_last_name_child_first_name_child_id",
                table: "team_members");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_professional_id_left_at_child_date_of_birth_child_last_name",
                table: "team_members",
                columns: new[] { "professional_id", "left_at", "child_date_of_birth", "child_last_name" });

            migrationBuilder.CreateIndex(
                name: "ix_team_members_professional_id_left_at_child_last_name_child_first_name",
                table: "team_members",
                columns: new[] { "professional_id", "left_at", "child_last_name", "child_first_name" });
        }
    }
}
