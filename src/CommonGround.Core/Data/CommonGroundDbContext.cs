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
using CommonGround.Core.Profiles;
using CommonGround.Core.Team;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using CommonGround.Core.Time;

namespace CommonGround.Core.Data;

/// <summary>
/// The database. Given a clock (as the app gives it), every save that changes a child's concerns, commitments,
/// meetings, messages, statutory process or team then brings that child's attention signals up to date.
/// </summary>
public sealed class CommonGroundDbContext(DbContextOptions<CommonGroundDbContext> options, TimeProvider? timeProvider = null)
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
    public DbSet<SharingConsent> SharingConsents => Set<SharingConsent>();
    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<ProfileSection> ProfileSections => Set<ProfileSection>();
    public DbSet<ProfileSectionVersion> ProfileSectionVersions => Set<ProfileSectionVersion>();
    public DbSet<ProfileSuggestion> ProfileSuggestions => Set<ProfileSuggestion>();
    public DbSet<ProfileShareLink> ProfileShareLinks => Set<ProfileShareLink>();
    public DbSet<TermDate> TermDates => Set<TermDate>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<CommitmentStatusChange> CommitmentStatusChanges => Set<CommitmentStatusChange>();
    public DbSet<CommitmentComment> CommitmentComments => Set<CommitmentComment>();
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
    public DbSet<AttentionThresholds> AttentionThresholds => Set<AttentionThresholds>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        var children = timeProvider is null ? [] : ChildrenWhoseSignalsMayChange();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (children.Count > 0)
        {
            try
            {
                await Attention.AttentionSignals.RefreshAsync(this, children, timeProvider!, cancellationToken);
            }
            catch (DbUpdateException ex) when (SaveConflicts.IsLostRace(ex))
            {
                // Someone else refreshed the same child at the same moment; theirs stands, and the job checks again.
                foreach (var entry in ChangeTracker.Entries().Where(e => e.Entity is Attention.AttentionSignal or Notification).ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }

        return saved;
    }

    /// <summary>The children a pending save touches in a way their early warnings depend on.</summary>
    private HashSet<Guid> ChildrenWhoseSignalsMayChange() => ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        .Select(e => e.Entity switch
        {
            Concern c => c.ChildId,
            Commitment c => c.ChildId,
            DeliveryRecord d => d.ChildId,
            Meeting m => m.ChildId,
            Message m => m.ChildId,
            StatutoryProcess p => p.ChildId,
            StatutoryEvent v => v.ChildId,
            TeamMember t => t.ChildId,
            _ => (Guid?)null,
        })
        .OfType<Guid>()
        .ToHashSet();

    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit events are append-only: they can be added but never changed or removed.");
        }
    }

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

        builder.Entity<UserAccount>(e =>
        {
            e.ToTable("user_accounts");
            e.Property(u => u.DisplayName).HasMaxLength(200);
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");

        builder.Entity<Area>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Code).HasMaxLength(20);
            e.HasIndex(a => a.Code).IsUnique();
        });

        builder.Entity<Organisation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.ContactEmail).HasMaxLength(256);
            e.Property(o => o.ContactPhone).HasMaxLength(40);
            e.Property(o => o.Address).HasMaxLength(500);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasOne(o => o.Area).WithMany().HasForeignKey(o => o.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(o => new { o.AreaId, o.Name }).IsUnique();
        });

        builder.Entity<Professional>(e =>
        {
            e.Property(p => p.JobTitle).HasMaxLength(200);
            e.HasOne(p => p.UserAccount).WithOne().HasForeignKey<Professional>(p => p.UserAccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Area>().WithMany().HasForeignKey(p => p.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => p.UserAccountId).IsUnique();
        });

        builder.Entity<Invitation>(e =>
        {
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.DisplayName).HasMaxLength(200);
            e.Property(i => i.JobTitle).HasMaxLength(200);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => i.OrganisationId);
            e.HasIndex(i => i.ChildId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Child>().WithMany().HasForeignKey(i => i.ChildId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Child>(e =>
        {
            e.Property(c => c.FirstName).HasMaxLength(100);
            e.Property(c => c.LastName).HasMaxLength(100);
            e.Property(c => c.PreferredName).HasMaxLength(100);
            e.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.AreaId);
        });

        builder.Entity<FamilyMember>(e =>
        {
            e.HasOne(f => f.Child).WithMany(c => c.FamilyMembers).HasForeignKey(f => f.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(f => f.UserAccount).WithMany().HasForeignKey(f => f.UserAccountId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(f => new { f.ChildId, f.UserAccountId }).IsUnique();
            e.HasIndex(f => f.UserAccountId);
        });

        builder.Entity<FamilySharingDecision>(e =>
        {
            e.Property(d => d.Areas).HasMaxLength(300);
            e.Property(d => d.DecidedByName).HasMaxLength(200);
            e.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<FamilyMember>().WithMany().HasForeignKey(d => d.FamilyMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => new { d.FamilyMemberId, d.DecidedAt });
            e.HasIndex(d => d.ChildId);
        });

        builder.Entity<ChildVisit>(e =>
        {
            e.HasKey(v => new { v.UserAccountId, v.ChildId });
            e.HasOne<UserAccount>().WithMany().HasForeignKey(v => v.UserAccountId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Child>().WithMany().HasForeignKey(v => v.ChildId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TeamMember>(e =>
        {
            e.Property(t => t.Role).HasMaxLength(200);
            e.HasOne<Child>().WithMany(c => c.TeamMembers).HasForeignKey(t => t.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(t => t.Professional).WithMany().HasForeignKey(t => t.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Area>().WithMany().HasForeignKey(t => t.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(t => t.Consents).WithOne().HasForeignKey(c => c.TeamMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.ChildId, t.LeftAt });
            e.HasIndex(t => new { t.ProfessionalId, t.LeftAt });
        });

        builder.Entity<SharingConsent>(e =>
        {
            e.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.TeamMemberId, c.WithdrawnAt });
            e.HasIndex(c => c.ChildId);
        });

        builder.Entity<AccessRequest>(e =>
        {
            e.Property(r => r.Reason).HasMaxLength(AccessRequest.MaxReasonLength);
            e.Property(r => r.RequestedByName).HasMaxLength(200);
            e.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<TeamMember>().WithMany().HasForeignKey(r => r.TeamMemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.ChildId, r.Status });
        });

        builder.Entity<AccessLogEntry>(e =>
        {
            e.Property(a => a.ViewerName).HasMaxLength(200);
            e.Property(a => a.OrganisationName).HasMaxLength(200);
            e.Property(a => a.What).HasMaxLength(AccessLogEntry.WhatMaxLength);
            e.Property(a => a.IpAddress).HasMaxLength(64);
            e.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(a => new { a.ChildId, a.ViewedAt });
        });

        builder.Entity<ProfileSection>(e =>
        {
            e.Property(p => p.Text).HasMaxLength(ProfileSection.MaxLength);
            e.Property(p => p.UpdatedByName).HasMaxLength(200);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.ChildId, p.Section }).IsUnique();
        });

        builder.Entity<ProfileSectionVersion>(e =>
        {
            e.Property(p => p.Text).HasMaxLength(ProfileSection.MaxLength);
            e.Property(p => p.ChangedByName).HasMaxLength(200);
            e.Property(p => p.AcceptedFrom).HasMaxLength(200);
            e.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.ChildId, p.Section, p.Version }).IsUnique();
        });

        builder.Entity<ProfileSuggestion>(e =>
        {
            e.Property(p => p.TextBefore).HasMaxLength(ProfileSection.MaxLength);
            e.Property(p => p.SuggestedText).HasMaxLength(ProfileSection.MaxLength);
            e.Property(p => p.Reason).HasMaxLength(ProfileSuggestion.MaxReasonLength);
            e.Property(p => p.DeclineReason).HasMaxLength(ProfileSuggestion.MaxReasonLength);
            e.Property(p => p.SuggestedByName).HasMaxLength(200);
            e.Property(p => p.SuggestedByOrganisation).HasMaxLength(200);
            e.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.ChildId, p.Status });
        });

        builder.Entity<ProfileShareLink>(e =>
        {
            e.Property(l => l.Label).HasMaxLength(ProfileShareLink.MaxLabelLength);
            e.Property(l => l.TokenHash).HasMaxLength(64);
            e.Property(l => l.Areas).HasMaxLength(200);
            e.HasOne<Child>().WithMany().HasForeignKey(l => l.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(l => l.TokenHash).IsUnique();
            e.HasIndex(l => l.ChildId);
        });

        builder.Entity<TermDate>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(TermDate.MaxNameLength);
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(t => new { t.OrganisationId, t.StartDate });
        });

        builder.Entity<Commitment>(e =>
        {
            e.Property(c => c.What).HasMaxLength(Commitment.MaxWhatLength);
            e.Property(c => c.Details).HasMaxLength(Commitment.MaxDetailsLength);
            e.Property(c => c.OwnerName).HasMaxLength(200);
            e.Property(c => c.OwnerOrganisationName).HasMaxLength(200);
            e.Property(c => c.CreatedByName).HasMaxLength(200);
            e.Property(c => c.QuantityPerPeriod).HasPrecision(9, 2);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Professional>().WithMany().HasForeignKey(c => c.OwnerProfessionalId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.StatusChanges).WithOne().HasForeignKey(s => s.CommitmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.ChildId);
            e.HasIndex(c => new { c.OwnerProfessionalId, c.Status });
            e.HasIndex(c => new { c.OwnerOrganisationId, c.Status });
            // No foreign key to meetings: SQLite would have to rebuild the commitments table to add one.
            e.HasIndex(c => c.MeetingId);
        });

        builder.Entity<CommitmentStatusChange>(e =>
        {
            e.Property(s => s.Reason).HasMaxLength(Commitment.MaxReasonLength);
            e.Property(s => s.ChangedByName).HasMaxLength(200);
        });

        builder.Entity<CommitmentComment>(e =>
        {
            e.Property(c => c.Text).HasMaxLength(CommitmentComment.MaxLength);
            e.Property(c => c.AuthorName).HasMaxLength(200);
            e.HasOne<Commitment>().WithMany().HasForeignKey(c => c.CommitmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.CommitmentId);
        });

        builder.Entity<DeliveryRecord>(e =>
        {
            e.Property(d => d.Quantity).HasPrecision(9, 2);
            e.Property(d => d.DeliveredBy).HasMaxLength(200);
            e.Property(d => d.Note).HasMaxLength(DeliveryRecord.MaxNoteLength);
            e.Property(d => d.RecordedByName).HasMaxLength(200);
            e.Property(d => d.FamilyComment).HasMaxLength(DeliveryRecord.MaxNoteLength);
            e.Property(d => d.FamilyRespondedByName).HasMaxLength(200);
            e.Property(d => d.DisputeResolvedByName).HasMaxLength(200);
            e.Property(d => d.Resolution).HasMaxLength(DeliveryRecord.MaxNoteLength);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.HasOne<Commitment>().WithMany().HasForeignKey(d => d.CommitmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => new { d.CommitmentId, d.Date });
            e.HasIndex(d => new { d.ChildId, d.FamilyResponse });
        });

        builder.Entity<StatutoryProcess>(e =>
        {
            e.Property(p => p.StartedByName).HasMaxLength(200);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Area>().WithMany().HasForeignKey(p => p.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Events).WithOne().HasForeignKey(v => v.ProcessId).OnDelete(DeleteBehavior.Restrict);
            // The area's timeliness report reads final plans by the year they were issued.
            e.HasIndex(p => new { p.AreaId, p.Kind, p.FinalPlanIssuedOn });
            e.HasIndex(p => p.ChildId);
        });

        builder.Entity<StatutoryEvent>(e =>
        {
            e.Property(v => v.Detail).HasMaxLength(StatutoryEvent.MaxDetailLength);
            e.Property(v => v.CorrectionReason).HasMaxLength(StatutoryEvent.MaxReasonLength);
            e.Property(v => v.RecordedByName).HasMaxLength(200);
            e.Property(v => v.ConfirmedByName).HasMaxLength(200);
        });

        builder.Entity<Meeting>(e =>
        {
            e.Property(m => m.Place).HasMaxLength(Meeting.MaxPlaceLength);
            e.Property(m => m.OnlineLink).HasMaxLength(Meeting.MaxLinkLength);
            e.Property(m => m.OrganiserName).HasMaxLength(200);
            e.Property(m => m.OrganiserEmail).HasMaxLength(256);
            e.Property(m => m.OrganiserOrganisationName).HasMaxLength(200);
            e.Property(m => m.NoteTakerName).HasMaxLength(200);
            e.Property(m => m.CancelReason).HasMaxLength(Meeting.MaxReasonLength);
            e.Property(m => m.FamilyViews).HasMaxLength(Meeting.MaxRecordTextLength);
            e.Property(m => m.FamilyViewsWrittenByName).HasMaxLength(200);
            e.Property(m => m.ChildViews).HasMaxLength(Meeting.MaxRecordTextLength);
            e.Property(m => m.Decisions).HasMaxLength(Meeting.MaxRecordTextLength);
            e.Property(m => m.OthersPresent).HasMaxLength(Meeting.MaxPlaceLength);
            e.Property(m => m.AgreedByName).HasMaxLength(200);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.Ignore(m => m.EndsAt);
            e.HasOne<Child>().WithMany().HasForeignKey(m => m.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Area>().WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganiserOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(m => m.Invitees).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.ChildId, m.StartsAt });
        });

        builder.Entity<MeetingInvitee>(e =>
        {
            e.Property(i => i.Name).HasMaxLength(200);
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.Role).HasMaxLength(300);
            e.HasIndex(i => new { i.MeetingId, i.UserAccountId }).IsUnique();
            e.HasIndex(i => i.UserAccountId);
        });

        builder.Entity<AgendaItem>(e =>
        {
            e.Property(a => a.Title).HasMaxLength(AgendaItem.MaxTitleLength);
            e.Property(a => a.Detail).HasMaxLength(AgendaItem.MaxDetailLength);
            e.Property(a => a.AddedByName).HasMaxLength(200);
            e.Property(a => a.Notes).HasMaxLength(Meeting.MaxRecordTextLength);
        });

        builder.Entity<MeetingRecordVersion>(e =>
        {
            e.Property(v => v.Reason).HasMaxLength(Meeting.MaxReasonLength);
            e.Property(v => v.CreatedByName).HasMaxLength(200);
            e.HasOne<Meeting>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(v => new { v.MeetingId, v.Number }).IsUnique();
        });

        builder.Entity<RecordCorrection>(e =>
        {
            e.Property(c => c.Part).HasMaxLength(100);
            e.Property(c => c.PartName).HasMaxLength(300);
            e.Property(c => c.WhatShouldChange).HasMaxLength(RecordCorrection.MaxLength);
            e.Property(c => c.RequestedByName).HasMaxLength(200);
            e.Property(c => c.Answer).HasMaxLength(RecordCorrection.MaxLength);
            // No foreign key to meetings: SQLite would have to rebuild the commitments table to add one.
            e.HasIndex(c => c.MeetingId);
        });

        builder.Entity<MeetingFeedback>(e =>
        {
            e.Property(f => f.WhatWouldHaveHelped).HasMaxLength(CommonGround.Core.Meetings.MeetingFeedback.MaxLength);
            e.HasOne<Meeting>().WithMany().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(f => new { f.MeetingId, f.UserAccountId }).IsUnique();
            e.HasIndex(f => new { f.OrganisationId, f.AnsweredAt });
        });

        builder.Entity<LanguageAdviceRecord>(e =>
        {
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.OrganisationId, r.Date });
        });

        builder.Entity<Concern>(e =>
        {
            e.Property(c => c.Topic).HasMaxLength(Concern.MaxTopicLength);
            e.Property(c => c.WhatIsHappening).HasMaxLength(Concern.MaxTextLength);
            e.Property(c => c.WhatWouldHelp).HasMaxLength(Concern.MaxTextLength);
            e.Property(c => c.RaisedByName).HasMaxLength(200);
            e.Property(c => c.OwnerOrganisationName).HasMaxLength(200);
            e.Property(c => c.OwnerName).HasMaxLength(200);
            e.Property(c => c.EscalatedTo).HasMaxLength(500);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Professional>().WithMany().HasForeignKey(c => c.OwnerProfessionalId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Updates).WithOne().HasForeignKey(u => u.ConcernId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.ChildId, c.RaisedAt });
            e.HasIndex(c => new { c.OwnerOrganisationId, c.Status });
            e.HasIndex(c => new { c.OwnerProfessionalId, c.Status });
            // The escalation job reads open concerns by their clocks.
            e.HasIndex(c => new { c.Status, c.AcknowledgeBy });
            e.HasIndex(c => new { c.Status, c.RespondBy });
            e.HasIndex(c => c.DeliveryRecordId);
        });

        builder.Entity<ConcernUpdate>(e =>
        {
            e.Property(u => u.Text).HasMaxLength(Concern.MaxTextLength);
            e.Property(u => u.YouSaid).HasMaxLength(Concern.MaxTextLength);
            e.Property(u => u.ByName).HasMaxLength(200);
            e.HasIndex(u => new { u.ConcernId, u.At });
        });

        builder.Entity<Conversation>(e =>
        {
            e.Property(c => c.Subject).HasMaxLength(Conversation.MaxSubjectLength);
            e.Property(c => c.StartedByName).HasMaxLength(200);
            e.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Area>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Concern>().WithMany().HasForeignKey(c => c.ConcernId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.ChildId, c.LastMessageAt });
            // A concern has at most one conversation, so two people starting one at once end up in the same thread.
            e.HasIndex(c => c.ConcernId).IsUnique();
        });

        builder.Entity<Message>(e =>
        {
            e.Property(m => m.Text).HasMaxLength(Message.MaxTextLength);
            e.Property(m => m.AuthorName).HasMaxLength(200);
            e.Property(m => m.AuthorOrganisationName).HasMaxLength(200);
            e.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.ConversationId, m.SentAt });
        });

        builder.Entity<ConversationRead>(e =>
        {
            e.HasKey(r => new { r.ConversationId, r.UserAccountId });
            e.Property(r => r.ReaderName).HasMaxLength(200);
            e.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.UserAccountId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ResponseStandard>(e =>
        {
            e.HasKey(s => s.OrganisationId);
            e.Property(s => s.ChangedByName).HasMaxLength(200);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasOne<Organisation>().WithOne().HasForeignKey<ResponseStandard>(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Notification>(e =>
        {
            e.Property(n => n.Title).HasMaxLength(Notification.MaxTextLength);
            e.Property(n => n.EmailLine).HasMaxLength(Notification.MaxTextLength);
            e.Property(n => n.Link).HasMaxLength(300);
            e.Property(n => n.OnceKey).HasMaxLength(200);
            // Checked when the delivery job saves, so an instance whose lease was taken over sends nothing.
            e.Property(n => n.LeaseOwner).HasMaxLength(100).IsConcurrencyToken();
            e.HasOne<UserAccount>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
            e.HasIndex(n => new { n.RecipientUserId, n.ReadAt });
            e.HasIndex(n => new { n.EmailState, n.EmailDueAt });
            e.HasIndex(n => new { n.RecipientUserId, n.OnceKey }).IsUnique();
            // Jobs look up which warnings have already gone, by key.
            e.HasIndex(n => n.OnceKey);
        });

        builder.Entity<NotificationPreference>(e =>
        {
            e.HasKey(p => new { p.UserAccountId, p.Kind });
            e.HasOne<UserAccount>().WithMany().HasForeignKey(p => p.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CalendarFeed>(e =>
        {
            e.HasKey(f => f.UserAccountId);
            e.Property(f => f.TokenHash).HasMaxLength(64);
            e.HasIndex(f => f.TokenHash).IsUnique();
            e.HasOne<UserAccount>().WithOne().HasForeignKey<CalendarFeed>(f => f.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<NotificationSettings>(e =>
        {
            e.HasKey(s => s.UserAccountId);
            e.HasOne<UserAccount>().WithOne().HasForeignKey<NotificationSettings>(s => s.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AttentionSignal>(e =>
        {
            e.Property(s => s.SubjectKey).HasMaxLength(100);
            e.Property(s => s.Reason).HasMaxLength(AttentionSignal.MaxTextLength);
            e.Property(s => s.Link).HasMaxLength(300);
            e.HasOne<Child>().WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => new { s.ChildId, s.Kind, s.SubjectKey }).IsUnique();
            // Organisation leads see their organisation's overdue concerns from here.
            e.HasIndex(s => new { s.OrganisationId, s.Kind });
            e.HasIndex(s => s.AreaId);
        });

        builder.Entity<AttentionThresholds>(e =>
        {
            e.HasKey(t => t.OrganisationId);
            e.Property(t => t.ChangedByName).HasMaxLength(200);
            e.HasOne<Organisation>().WithOne().HasForeignKey<AttentionThresholds>(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<JobLease>(e =>
        {
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(100);
            e.Property(l => l.Owner).HasMaxLength(100);
        });

        builder.Entity<AuditEvent>(e =>
        {
            e.Property(a => a.ActorName).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(80);
            e.Property(a => a.EntityType).HasMaxLength(80);
            e.Property(a => a.IpAddress).HasMaxLength(64);
            e.Property(a => a.Summary).HasMaxLength(1000);
            e.HasIndex(a => new { a.EntityType, a.EntityId, a.OccurredAt });
            e.HasIndex(a => a.ActorUserId);
            e.HasIndex(a => a.OccurredAt);
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.ToAddress).HasMaxLength(256);
            e.Property(m => m.ToName).HasMaxLength(200);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.LastError).HasMaxLength(1000);
            e.Property(m => m.LeaseOwner).HasMaxLength(100);
            e.Property(m => m.AttachmentFileName).HasMaxLength(200);
            e.Property(m => m.AttachmentContentType).HasMaxLength(100);
            e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        });

        builder.ApplyConfigurationsFromAssembly(typeof(CommonGroundDbContext).Assembly);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
