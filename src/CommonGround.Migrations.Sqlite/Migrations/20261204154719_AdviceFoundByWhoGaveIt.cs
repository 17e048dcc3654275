using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AdviceFoundByWhoGaveIt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_advice_requests_given_by_user_id_status",
                table: "AdviceRequests",
                columns: new[] { "given_by_user_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_advice_requests_given_by_user_id_status",
                table: "AdviceRequests");
        }
    }
}
