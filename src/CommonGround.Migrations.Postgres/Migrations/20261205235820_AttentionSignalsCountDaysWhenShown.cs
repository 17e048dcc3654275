using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AttentionSignalsCountDaysWhenShown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reason_end",
                table: "attention_signals",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "since_on",
                table: "attention_signals",
                type: "date",
                nullable: true);

            // Signals kept before count days in their words: the attention job's next run looks at every child again and rewrites them.
            migrationBuilder.Sql("UPDATE job_leases SET last_completed_at = NULL WHERE name LIKE 'attention:%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reason_end",
                table: "attention_signals");

            migrationBuilder.DropColumn(
                name: "since_on",
                table: "attention_signals");

            migrationBuilder.Sql("UPDATE job_leases SET last_completed_at = NULL WHERE name LIKE 'attention:%';");
        }
    }
}
