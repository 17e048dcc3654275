using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SharedPartsKeptOnPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_members_child_id_professional_id_left_at_id",
                table: "team_members");

            migrationBuilder.AddColumn<int>(
                name: "shared_part_bits",
                table: "team_members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "shares_with_dates",
                table: "team_members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "sharing_version",
                table: "team_members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Every place's shared parts from its decisions as they stand: a bit for each part shared from the day it was
            // decided until withdrawn, and a flag where any decision has dates of its own (asked of the decisions as before).
            migrationBuilder.Sql("""
                UPDATE team_members SET
                    shared_part_bits = COALESCE((SELECT SUM(DISTINCT CASE c.area WHEN 'AboutMe' THEN 1 WHEN 'Health' THEN 2 WHEN 'Education' THEN 4 WHEN 'SocialCare' THEN 8 WHEN 'Transport' THEN 16 WHEN 'Commitments' THEN 32 WHEN 'Meetings' THEN 64 WHEN 'Concerns' THEN 128 WHEN 'StatutoryProcess' THEN 256 END) FROM sharing_consents c
                        WHERE c.team_member_id = team_members.id AND c.withdrawn_at IS NULL AND c.until IS NULL AND c."from" <= date(c.granted_at)), 0),
                    shares_with_dates = EXISTS (SELECT 1 FROM sharing_consents c
                        WHERE c.team_member_id = team_members.id AND c.withdrawn_at IS NULL AND NOT (c.until IS NULL AND c."from" <= date(c.granted_at)))
                """);

            migrationBuilder.CreateIndex(
                name: "ix_team_members_child_id_professional_id_left_at_id_shared_part_bits_shares_with_dates",
                table: "team_members",
                columns: new[] { "child_id", "professional_id", "left_at", "id", "shared_part_bits", "shares_with_dates" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_team_members_child_id_professional_id_left_at_id_shared_part_bits_shares_with_dates",
                table: "team_members");

            migrationBuilder.DropColumn(
                name: "shared_part_bits",
                table: "team_members");

            migrationBuilder.DropColumn(
                name: "shares_with_dates",
                table: "team_members");

            migrationBuilder.DropColumn(
                name: "sharing_version",
                table: "team_members");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_child_id_professional_id_left_at_id",
                table: "team_members",
                columns: new[] { "child_id", "professional_id", "left_at", "id" });
        }
    }
}
