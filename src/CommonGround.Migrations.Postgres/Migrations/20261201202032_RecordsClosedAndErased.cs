using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closed_note",
                table: "children",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "closed_on",
                table: "children",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closed_under_rule",
                table: "children",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "erase_on",
                table: "children",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "erased_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    erased_child_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    erased_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    rows_erased = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
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
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        IF OLD.entity_type = 'Child' AND EXISTS (SELECT 1 FROM erased_records WHERE erased_child_id = OLD.entity_id) THEN
                            RETURN OLD;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'audit events are append-only';
                END;
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit events are append-only';
                END;
                $$;
                """);

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
