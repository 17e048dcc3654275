using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OneVersionCounterForEveryRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A random identifier cannot become a counter, so each record starts again at version 0. A form opened
            // before this runs carries the old kind of version: it is refused with nothing saved, and opens again afresh.
            migrationBuilder.DropColumn(name: "version", table: "response_standards");
            migrationBuilder.AddColumn<int>(name: "version", table: "response_standards", type: "INTEGER", nullable: false, defaultValue: 0);

            migrationBuilder.DropColumn(name: "version", table: "organisations");
            migrationBuilder.AddColumn<int>(name: "version", table: "organisations", type: "INTEGER", nullable: false, defaultValue: 0);

            migrationBuilder.DropColumn(name: "version", table: "concerns");
            migrationBuilder.AddColumn<int>(name: "version", table: "concerns", type: "INTEGER", nullable: false, defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "version", table: "response_standards");
            migrationBuilder.AddColumn<Guid>(name: "version", table: "response_standards", type: "TEXT", nullable: false, defaultValue: Guid.Empty);

            migrationBuilder.DropColumn(name: "version", table: "organisations");
            migrationBuilder.AddColumn<Guid>(name: "version", table: "organisations", type: "TEXT", nullable: false, defaultValue: Guid.Empty);

            migrationBuilder.DropColumn(name: "version", table: "concerns");
            migrationBuilder.AddColumn<Guid>(name: "version", table: "concerns", type: "TEXT", nullable: false, defaultValue: Guid.Empty);
        }
    }
}
