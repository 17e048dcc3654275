using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Attention;
using CommonGround.Core.Audit;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Concerns;
using CommonGround.Core.Jobs;
using CommonGround.Core.Language;
using CommonGround.Core.Meetings;
using CommonGround.Core.Statutory;
using CommonGround.Core.Notifications;
using CommonGround.Core.Organisations;
using CommonGround.Core.Plans;
using CommonGround.Core.Profiles;
using CommonGround.Core.Team;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommonGround.Core.Data;

/// <summary>
/// The database: its tables, and the conventions every entity shares. Each entity's own set-up is the configuration
/// class beside it. Saving does only what it says: follow-on work (early warnings, notices) is the use case's to call.
/// </summary>
public sealed class CommonGroundDbContext(DbContextOptions<CommonGroundDbContext> options)
    : IdentityUserContext<UserAccount, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Professional> Professionals => Set<Professional>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<FamilyMember> FamilyMembers => Set<FamilyMember>();
    public DbSet<FamilySharingDecision> FamilySharingDecisions => Set<FamilySharingDecision>();
    public DbSet<ChildVisit> ChildVisits => Set<ChildVisit>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<Handover> Handovers => Set<Handover>();
    public DbSet<Cover> Covers => Set<Cover>();
    public DbSet<SharingConsent> SharingConsents => Set<SharingConsent>();
    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<EmergencyAccess> EmergencyAccesses => Set<EmergencyAccess>();
    public DbSet<ProfileSection> ProfileSections => Set<ProfileSection>();
    public DbSet<ProfileSectionVersion> ProfileSectionVersions => Set<ProfileSectionVersion>();
    public DbSet<ProfileSuggestion> ProfileSuggestions => Set<ProfileSuggestion>();
    public DbSet<ProfileShareLink> ProfileShareLinks => Set<ProfileShareLink>();
    public DbSet<TermDate> TermDates => Set<TermDate>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<CommitmentStatusChange> CommitmentStatusChanges => Set<CommitmentStatusChange>();
    public DbSet<CommitmentComment> CommitmentComments => Set<CommitmentComment>();
    public DbSet<SupportPlan> SupportPlans => Set<SupportPlan>();
    public DbSet<PlanLine> PlanLines => Set<PlanLine>();
    public DbSet<PlanResponse> PlanResponses => Set<PlanResponse>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<OutcomeProgress> OutcomeProgress => Set<OutcomeProgress>();
    public DbSet<Documents.Document> Documents => Set<Documents.Document>();
    public DbSet<Documents.DocumentContent> DocumentContents => Set<Documents.DocumentContent>();
    public DbSet<Advice.AdviceRequest> AdviceRequests => Set<Advice.AdviceRequest>();
    public DbSet<Advice.Recommendation> Recommendations => Set<Advice.Recommendation>();
    public DbSet<Advice.RecommendationAnswer> RecommendationAnswers => Set<Advice.RecommendationAnswer>();
    public DbSet<DeliveryRecord> DeliveryRecords => Set<DeliveryRecord>();
    public DbSet<LanguageAdviceRecord> LanguageAdviceRecords => Set<LanguageAdviceRecord>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingInvitee> MeetingInvitees => Set<MeetingInvitee>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<MeetingRecordVersion> MeetingRecordVersions => Set<MeetingRecordVersion>();
    public DbSet<RecordCorrection> RecordCorrections => Set<RecordCorrection>();
    public DbSet<MeetingFeedback> MeetingFeedback => Set<MeetingFeedback>();
    public DbSet<StatutoryProcess> StatutoryProcesses => Set<StatutoryProcess>();
    public DbSet<StatutoryEvent> StatutoryEvents => Set<StatutoryEvent>();
    public DbSet<Concern> Concerns => Set<Concern>();
    public DbSet<ConcernUpdate> ConcernUpdates => Set<ConcernUpdate>();
    public DbSet<ResponseStandard> ResponseStandards => Set<ResponseStandard>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ConversationRead> ConversationReads => Set<ConversationRead>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<AttentionSignal> AttentionSignals => Set<AttentionSignal>();
    public DbSet<AttentionRecheck> AttentionRechecks => Set<AttentionRecheck>();
    public DbSet<AttentionSummary> AttentionSummaries => Set<AttentionSummary>();
    public DbSet<AttentionThresholds> AttentionThresholds => Set<AttentionThresholds>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<KeptForm> KeptForms => Set<KeptForm>();
    public DbSet<DataRights.RecordExport> RecordExports => Set<DataRights.RecordExport>();
    public DbSet<DataRights.CorrectionRequest> CorrectionRequests => Set<DataRights.CorrectionRequest>();
    public DbSet<DataRights.ErasureRequest> ErasureRequests => Set<DataRights.ErasureRequest>();
    public DbSet<DataRights.RecordExportFile> RecordExportFiles => Set<DataRights.RecordExportFile>();
    public DbSet<DataRights.ErasedRecord> ErasedRecords => Set<DataRights.ErasedRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored and read back as UTC, whichever database holds it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Identity's own tables take their key names from the account table, so that is named first.
        builder.ApplyConfiguration(new UserAccountConfiguration());
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");

        builder.ApplyConfigurationsFromAssembly(typeof(CommonGroundDbContext).Assembly);

        // A save made from an older version of a record two people may change at once is refused, never merged.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
