using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EarlyWarningsReadLatestContactByChild : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_messages_child_id_sent_at",
                table: "messages",
                columns: new[] { "child_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_concern_updates_child_id_kind_at",
                table: "concern_updates",
                columns: new[] { "child_id", "kind", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_messages_child_id_sent_at",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "ix_concern_updates_child_id_kind_at",
                table: "concern_updates");
        }
    }
}
