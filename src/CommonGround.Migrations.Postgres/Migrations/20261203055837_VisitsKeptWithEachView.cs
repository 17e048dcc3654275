using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VisitsKeptWithEachView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "visit_started_at",
                table: "access_log",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Each view already stored joins the visit of the view before it when the same person looked again within
            // ten minutes, as the app does for each new view; otherwise it begins its own.
            migrationBuilder.Sql("""
                WITH ordered AS (
                    SELECT id, child_id, viewed_at,
                           CASE WHEN LAG(viewer_name) OVER w = viewer_name AND viewed_at - LAG(viewed_at) OVER w <= interval '10 minutes'
                                THEN NULL ELSE viewed_at END AS begins
                    FROM access_log
                    WINDOW w AS (PARTITION BY child_id ORDER BY viewed_at, id)),
                visits AS (
                    SELECT id, MAX(begins) OVER (PARTITION BY child_id ORDER BY viewed_at, id) AS started
                    FROM ordered)
                UPDATE access_log AS a SET visit_started_at = visits.started FROM visits WHERE visits.id = a.id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_access_log_child_id_visit_started_at_viewer_name",
                table: "access_log",
                columns: new[] { "child_id", "visit_started_at", "viewer_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_access_log_child_id_visit_started_at_viewer_name",
                table: "access_log");

            migrationBuilder.DropColumn(
                name: "visit_started_at",
                table: "access_log");
        }
    }
}
