using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlacesOfAPersonFromOneIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_team_members_professional_id_left_at_id_child_id_shared_part_bits_shares_with_dates",
                table: "team_members",
                columns: new[] { "professional_id", "left_at", "id", "child_id", "shared_part_bits", "shares_with_dates" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_members_professional_id_left_at_id_child_id_shared_part_bits_shares_with_dates",
                table: "team_members");
        }
    }
}
