using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AttentionListsKeptInOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attention_summaries",
                columns: table => new
                {
                    team_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    professional_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    shared_part_bits = table.Column<int>(type: "INTEGER", nullable: false),
                    thresholds_key = table.Column<long>(type: "INTEGER", nullable: false),
                    shown_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    signal_count = table.Column<int>(type: "INTEGER", nullable: false),
                    first_due_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attention_summaries", x => x.team_member_id);
                    table.ForeignKey(
                        name: "fk_attention_summaries_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_attention_summaries_team_members_team_member_id",
                        column: x => x.team_member_id,
                        principalTable: "team_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attention_summaries_area_id_shown_until",
                table: "attention_summaries",
                columns: new[] { "area_id", "shown_until" });

            migrationBuilder.CreateIndex(
                name: "ix_attention_summaries_child_id",
                table: "attention_summaries",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_attention_summaries_professional_id_rank_signal_count_first_due_on_child_id",
                table: "attention_summaries",
                columns: new[] { "professional_id", "rank", "signal_count", "first_due_on", "child_id" },
                descending: new[] { false, false, true, false, false });

            // No place has a summary yet: the attention job's next run looks at every child again and keeps them.
            migrationBuilder.Sql("UPDATE job_leases SET last_completed_at = NULL WHERE name LIKE 'attention:%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attention_summaries");
        }
    }
}
