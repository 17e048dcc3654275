using CommonGround.Core.Accounts;
using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.DataRights;

/// <summary>
/// Reads everything held about one person as themself: their account, their places in families, organisations and
/// teams, everything they wrote or did, what they looked at, and what the service told them. Every query is by their
/// own account, so nobody else's account or activity can reach the download. What they wrote on, did to or looked at
/// in a child's record is included only while they are still in the child's family or team: the record is the
/// child's, and someone who has left it asks the organisation responsible for it.
/// </summary>
public sealed class PersonRecordReader(CommonGroundDbContext db)
{
    /// <summary>Fields of an account that are secrets of the sign-in, never given out: a hash is no use to its owner and of use to an attacker.</summary>
    private static readonly HashSet<string> AccountSecrets = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "LastTotpStep", "NormalizedEmail", "NormalizedUserName"];

    /// <summary>The children the rows are about: each row's child, or the child a change was made to.</summary>
    private static IEnumerable<Guid> ChildrenIn(IEnumerable<ExportTable> tables) => tables
        .SelectMany(t => t.Columns.Where(c => c.Key is "childId" or "entityId").SelectMany(c => t.Rows.Select(c.Value)))
        .OfType<Guid>().Distinct();

    public async Task<RecordContents> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var tables = new List<ExportTable>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).ToListAsync(cancellationToken);
        tables.Add(ExportTable.Of("account", "Your account", "Your name, email address and how you sign in (never your password).", null, account).Without(AccountSecrets));
        tables.Add(ExportTable.Of("sessions", "Where you are signed in", "Each browser or device you signed in with, and when.", null,
            await db.UserSessions.AsNoTracking().Where(s => s.UserAccountId == userId).OrderBy(s => s.SignedInAt).ToListAsync(cancellationToken))
            .With<UserSession>("ipAddress", "Internet address", s => s.IpAddress));

        var families = await db.FamilyMembers.AsNoTracking().Include(f => f.Child).Where(f => f.UserAccountId == userId).OrderBy(f => f.JoinedAt).ToListAsync(cancellationToken);
        tables.Add(ExportTable.Of("family-places", "Children whose family you are in", "Each child's record you are on as family.", null, families)
            .With<Children.FamilyMember>("child", "Child", f => f.Child!.FullName));
        var organisations = await db.Professionals.AsNoTracking().Include(p => p.Organisation).Where(p => p.UserAccountId == userId).OrderBy(p => p.JoinedAt).ToListAsync(cancellationToken);
        tables.Add(ExportTable.Of("organisations", "Organisations you work for", "Your job title and when you joined or left.", null, organisations)
            .With<Organisations.Professional>("organisation", "Organisation", p => p.Organisation!.Name));
        var professionalIds = organisations.Select(p => p.Id).ToList();
        var teams = await db.TeamMembers.AsNoTracking().Where(t => professionalIds.Contains(t.ProfessionalId)).OrderBy(t => t.JoinedAt).ToListAsync(cancellationToken);
        tables.Add(ExportTable.Of("team-places", "Places on children's teams", "Each child's team you have been on, and your role.", null, teams));
        var onRecord = families.Select(f => f.ChildId).Concat(teams.Where(t => t.LeftAt == null).Select(t => t.ChildId)).ToHashSet();
        var children = onRecord.ToList();

        tables.Add(ExportTable.Of("messages", "Messages you sent", "Every message you wrote in a conversation.", null,
            await db.Messages.AsNoTracking().Where(m => m.AuthorUserId == userId && children.Contains(m.ChildId)).OrderBy(m => m.SentAt).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("concerns", "Concerns you raised", "Each concern, as you raised it.", null,
            await db.Concerns.AsNoTracking().Where(c => c.RaisedByUserId == userId && children.Contains(c.ChildId)).OrderBy(c => c.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("concern-updates", "What you wrote on concerns", "Acknowledgements, answers and other steps you took.", null,
            await db.ConcernUpdates.AsNoTracking().Where(u => u.ByUserId == userId && children.Contains(u.ChildId)).OrderBy(u => u.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("commitment-comments", "Your comments on commitments", "Everything you said about a commitment.", null,
            await db.CommitmentComments.AsNoTracking().Where(c => c.AuthorUserId == userId && children.Contains(c.ChildId)).OrderBy(c => c.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("delivery-records", "Deliveries you recorded", "Each session or piece of support you recorded.", null,
            await db.DeliveryRecords.AsNoTracking().Where(d => d.RecordedByUserId == userId && children.Contains(d.ChildId)).OrderBy(d => d.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("about-me-changes", "Your changes to About me", "Each version of a section you wrote.", null,
            await db.ProfileSectionVersions.AsNoTracking().Where(v => v.ChangedByUserId == userId && children.Contains(v.ChildId)).OrderBy(v => v.ChangedAt).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("about-me-suggestions", "Changes to About me you suggested", "And what the family decided.", null,
            await db.ProfileSuggestions.AsNoTracking().Where(s => s.SuggestedByUserId == userId && children.Contains(s.ChildId)).OrderBy(s => s.SuggestedAt).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("plan-responses", "Your answers on support plans", "Each answer you gave to a plan line.", null,
            await db.PlanResponses.AsNoTracking().Where(r => r.ByUserId == userId && children.Contains(r.ChildId)).OrderBy(r => r.At).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("agenda-items", "Agenda items you added", "What you asked a meeting to talk about.", null,
            await db.AgendaItems.AsNoTracking().Where(a => a.AddedByUserId == userId && db.Meetings.Any(m => m.Id == a.MeetingId && children.Contains(m.ChildId))).OrderBy(a => a.AddedAt).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("meeting-record-corrections", "Corrections you asked for", "To meeting records.", null,
            await db.RecordCorrections.AsNoTracking().Where(c => c.RequestedByUserId == userId && db.Meetings.Any(m => m.Id == c.MeetingId && children.Contains(m.ChildId))).OrderBy(c => c.RequestedAt).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("words-corrections", "Corrections to professionals' words you asked for", "What you said was wrong, and the answer.", null,
            await db.CorrectionRequests.AsNoTracking().Where(c => c.RequestedByUserId == userId && children.Contains(c.ChildId)).OrderBy(c => c.RequestedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("erasure-requests", "Requests to erase a record", "Each time you asked for a child's record to be erased, and the answer.", null,
            await db.ErasureRequests.AsNoTracking().Where(r => r.RequestedByUserId == userId && children.Contains(r.ChildId)).OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("meeting-feedback", "Did you feel listened to?", "What you said after meetings.", null,
            await db.MeetingFeedback.AsNoTracking().Where(f => f.UserAccountId == userId && children.Contains(f.ChildId)).OrderBy(f => f.Id).ToListAsync(cancellationToken)));

        tables.Add(ExportTable.Of("actions", "Everything you did", "Every change you made and every time you signed in or out, as the service's log keeps them.", null,
            await db.AuditEvents.AsNoTracking().Where(a => a.ActorUserId == userId && (a.EntityType != "Child" || children.Contains(a.EntityId!.Value))).OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).ToListAsync(cancellationToken))
            .With<Audit.AuditEvent>("ipAddress", "Internet address", a => a.IpAddress));
        tables.Add(ExportTable.Of("records-you-looked-at", "Children's records you looked at", "Each time you looked at part of a child's record outside your own family, as their family sees it.", null,
            await db.AccessLog.AsNoTracking().Where(a => a.ViewerUserId == userId && children.Contains(a.ChildId)).OrderBy(a => a.ViewedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("notifications", "Notifications to you", "Everything the service told you, and whether it was emailed.", null,
            await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == userId && (n.ChildId == null || children.Contains(n.ChildId.Value))).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("email-choices", "Your choices about email", "How often you asked to be emailed about each kind of notification.", null,
            await db.NotificationPreferences.AsNoTracking().Where(p => p.UserAccountId == userId).OrderBy(p => p.Kind).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("quiet-hours", "Your quiet hours", "When emails wait until later.", null,
            await db.NotificationSettings.AsNoTracking().Where(s => s.UserAccountId == userId).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("calendar-feeds", "Your calendar address", "When you made it and when a calendar app last read it (never the address itself).", null,
            await db.CalendarFeeds.AsNoTracking().Where(f => f.UserAccountId == userId).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("downloads", "Your downloads", "Every download you asked for, and when you took it.", null,
            await db.RecordExports.AsNoTracking().Where(e => e.RequestedByUserId == userId && (e.ChildId == null || children.Contains(e.ChildId.Value))).OrderBy(e => e.RequestedAt).ToListAsync(cancellationToken)));

        return new RecordContents(tables, [],
        [
            "Everything else held about the children whose family you are in: download that from each child's record.",
            "What you wrote on, did to or looked at in the records of children whose family or team you are no longer in: the record is the child's. Ask the organisation you worked for, or the child's local authority, which is responsible for it.",
            "Your password and the other secrets that let you sign in: they are kept only as one-way hashes, which are of no use to you.",
        ], ChildrenIn(tables.Where(t => t.Key is not ("family-places" or "team-places" or "downloads"))).Where(onRecord.Contains).ToList());
    }
}
