using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CommitmentTotalsKept : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "delivered_so_far",
                table: "commitments",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "open_disputes",
                table: "commitments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing records: each commitment's totals counted once from its delivery records.
            migrationBuilder.Sql("""
                UPDATE commitments c SET
                    delivered_so_far = COALESCE((SELECT SUM(d.quantity) FROM delivery_records d
                        WHERE d.commitment_id = c.id AND d.delivered AND d.set_aside_at IS NULL), 0),
                    open_disputes = (SELECT COUNT(*) FROM delivery_records d
                        WHERE d.commitment_id = c.id AND d.family_response = 'Disputed' AND d.dispute_resolved_at IS NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "delivered_so_far",
                table: "commitments");

            migrationBuilder.DropColumn(
                name: "open_disputes",
                table: "commitments");
        }
    }
}
