using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AttentionRechecksByDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attention_rechecks",
                columns: table => new
                {
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rules = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recheck_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attention_rechecks", x => new { x.child_id, x.rules });
                    table.ForeignKey(
                        name: "fk_attention_rechecks_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attention_rechecks_area_id_recheck_on",
                table: "attention_rechecks",
                columns: new[] { "area_id", "recheck_on" });

            // No child has a recheck day yet: the attention job's next run looks at every child again and keeps them.
            migrationBuilder.Sql("UPDATE job_leases SET last_completed_at = NULL WHERE name LIKE 'attention:%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attention_rechecks");
        }
    }
}
