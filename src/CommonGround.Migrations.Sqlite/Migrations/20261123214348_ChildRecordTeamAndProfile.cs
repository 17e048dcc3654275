using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonGround.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildRecordTeamAndProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_events_entity_type_entity_id",
                table: "audit_events");

            migrationBuilder.AddColumn<DateOnly>(
                name: "share_from",
                table: "invitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "share_until",
                table: "invitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "shared_areas",
                table: "invitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "record_area",
                table: "audit_events",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "access_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    viewer_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    viewer_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organisation_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    what = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    viewed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_log_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "child_visits",
                columns: table => new
                {
                    user_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    last_viewed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_visits", x => new { x.user_account_id, x.child_id });
                    table.ForeignKey(
                        name: "fk_child_visits_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_child_visits_user_accounts_user_account_id",
                        column: x => x.user_account_id,
                        principalTable: "user_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "profile_section_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    section = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    changed_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    changed_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    accepted_from = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_section_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_profile_section_versions_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "profile_sections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    section = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    updated_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    confirmed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_profile_sections_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "profile_share_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    areas = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_share_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_profile_share_links_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "profile_suggestions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    section = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    text_before = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    version_before = table.Column<int>(type: "INTEGER", nullable: false),
                    suggested_text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    suggested_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    suggested_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    suggested_by_organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    suggested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decided_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decline_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_suggestions", x => x.id);
                    table.ForeignKey(
                        name: "fk_profile_suggestions_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "team_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    professional_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    is_key_worker = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_team_lead = table.Column<bool>(type: "INTEGER", nullable: false),
                    joined_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    added_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    left_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_team_members_areas_area_id",
                        column: x => x.area_id,
                        principalTable: "areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_team_members_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_team_members_professionals_professional_id",
                        column: x => x.professional_id,
                        principalTable: "professionals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "access_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    requested_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    requested_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    answered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    answered_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_access_requests_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_access_requests_team_members_team_member_id",
                        column: x => x.team_member_id,
                        principalTable: "team_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sharing_consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    granted_by_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    granted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    withdrawn_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    withdrawn_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sharing_consents", x => x.id);
                    table.ForeignKey(
                        name: "fk_sharing_consents_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sharing_consents_team_members_team_member_id",
                        column: x => x.team_member_id,
                        principalTable: "team_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_entity_type_entity_id_occurred_at",
                table: "audit_events",
                columns: new[] { "entity_type", "entity_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_access_log_child_id_viewed_at",
                table: "access_log",
                columns: new[] { "child_id", "viewed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_child_id_status",
                table: "access_requests",
                columns: new[] { "child_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_access_requests_team_member_id",
                table: "access_requests",
                column: "team_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_child_visits_child_id",
                table: "child_visits",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_profile_section_versions_child_id_section_version",
                table: "profile_section_versions",
                columns: new[] { "child_id", "section", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_profile_sections_child_id_section",
                table: "profile_sections",
                columns: new[] { "child_id", "section" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_profile_share_links_child_id",
                table: "profile_share_links",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_profile_share_links_token_hash",
                table: "profile_share_links",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_profile_suggestions_child_id_status",
                table: "profile_suggestions",
                columns: new[] { "child_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_sharing_consents_child_id",
                table: "sharing_consents",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_sharing_consents_team_member_id_withdrawn_at",
                table: "sharing_consents",
                columns: new[] { "team_member_id", "withdrawn_at" });

            migrationBuilder.CreateIndex(
                name: "ix_team_members_area_id",
                table: "team_members",
                column: "area_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_child_id_left_at",
                table: "team_members",
                columns: new[] { "child_id", "left_at" });

            migrationBuilder.CreateIndex(
                name: "ix_team_members_professional_id_left_at",
                table: "team_members",
                columns: new[] { "professional_id", "left_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_log");

            migrationBuilder.DropTable(
                name: "access_requests");

            migrationBuilder.DropTable(
                name: "child_visits");

            migrationBuilder.DropTable(
                name: "profile_section_versions");

            migrationBuilder.DropTable(
                name: "profile_sections");

            migrationBuilder.DropTable(
                name: "profile_share_links");

            migrationBuilder.DropTable(
                name: "profile_suggestions");

            migrationBuilder.DropTable(
                name: "sharing_consents");

            migrationBuilder.DropTable(
                name: "team_members");

            migrationBuilder.DropIndex(
                name: "ix_audit_events_entity_type_entity_id_occurred_at",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "share_from",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "share_until",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "shared_areas",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "record_area",
                table: "audit_events");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_entity_type_entity_id",
                table: "audit_events",
                columns: new[] { "entity_type", "entity_id" });
        }
    }
}
