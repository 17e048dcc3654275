using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecordsClosedAndErased : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "closed_by_name",
                table: "children",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closed_note",
                table: "children",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "closed_on",
                table: "children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closed_under_rule",
                table: "children",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "erase_on",
                table: "children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "erased_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    erased_child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rule_key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    erased_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    rows_erased = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erased_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_children_erase_on",
                table: "children",
                column: "erase_on");

            migrationBuilder.CreateIndex(
                name: "ix_erased_records_erased_child_id",
                table: "erased_records",
                column: "erased_child_id",
                unique: true);

            // The audit log stays append-only, except that the events of a child whose erasure is on record may go with it.
            migrationBuilder.Sql("DROP TRIGGER audit_events_no_delete;");
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
                WHEN NOT (OLD.entity_type = 'Child' AND EXISTS (SELECT 1 FROM erased_records WHERE erased_child_id = OLD.entity_id))
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_events_no_delete;");
            migrationBuilder.Sql("CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;");

            migrationBuilder.DropTable(
                name: "erased_records");

            migrationBuilder.DropIndex(
                name: "ix_children_erase_on",
                table: "children");

            migrationBuilder.DropColumn(
                name: "closed_by_name",
                table: "children");

            migrationBuilder.DropColumn(
                name: "closed_note",
                table: "children");

            migrationBuilder.DropColumn(
                name: "closed_on",
                table: "children");

            migrationBuilder.DropColumn(
                name: "closed_under_rule",
                table: "children");

            migrationBuilder.DropColumn(
                name: "erase_on",
                table: "children");
        }
    }
}
