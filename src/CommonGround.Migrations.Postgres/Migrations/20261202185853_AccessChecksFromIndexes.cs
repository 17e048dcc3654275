using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AccessChecksFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_members_child_id_left_at",
                table: "team_members");

            migrationBuilder.DropIndex(
                name: "ix_sharing_consents_team_member_id_withdrawn_at",
                table: "sharing_consents");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_child_id_professional_id_left_at_id",
                table: "team_members",
                columns: new[] { "child_id", "professional_id", "left_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_consents_team_member_id_area_withdrawn_at_from_until",
                table: "sharing_consents",
                columns: new[] { "team_member_id", "area", "withdrawn_at", "from", "until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_members_child_id_professional_id_left_at_id",
                table: "team_members");

            migrationBuilder.DropIndex(
                name: "ix_sharing_consents_team_member_id_area_withdrawn_at_from_until",
                table: "sharing_consents");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_child_id_left_at",
                table: "team_members",
                columns: new[] { "child_id", "left_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_consents_team_member_id_withdrawn_at",
                table: "sharing_consents",
                columns: new[] { "team_member_id", "withdrawn_at" });
        }
    }
}
