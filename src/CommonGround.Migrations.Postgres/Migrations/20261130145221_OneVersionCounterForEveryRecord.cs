using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
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
            migrationBuilder.AddColumn<int>(name: "version", table: "response_standards", type: "integer", nullable: false, defaultValue: 0);

            migrationBuilder.DropColumn(name: "version", table: "organisations");
            migrationBuilder.AddColumn<int>(name: "version", table: "organisations", type: "integer", nullable: false, defaultValue: 0);

            migrationBuilder.DropColumn(name: "version", table: "concerns");
            migrationBuilder.AddColumn<int>(name: "version", table: "concerns", type: "integer", nullable: false, defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "version", table: "response_standards");
            migrationBuilder.AddColumn<Guid>(name: "version", table: "response_standards", type: "uuid", nullable: false, defaultValue: Guid.Empty);

            migrationBuilder.DropColumn(name: "version", table: "organisations");
            migrationBuilder.AddColumn<Guid>(name: "version", table: "organisations", type: "uuid", nullable: false, defaultValue: Guid.Empty);

            migrationBuilder.DropColumn(name: "version", table: "concerns");
            migrationBuilder.AddColumn<Guid>(name: "version", table: "concerns", type: "uuid", nullable: false, defaultValue: Guid.Empty);
        }
    }
}
