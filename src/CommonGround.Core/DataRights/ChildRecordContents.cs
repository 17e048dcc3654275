using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Commitments;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Documents;
using CommonGround.Core.Meetings;
using CommonGround.Core.Plans;
using CommonGround.Core.Profiles;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Core.DataRights;

/// <summary>A document's file as it goes into a download, beside the table that describes it.</summary>
public sealed record ExportedFile(Guid DocumentId, string PathInDownload, byte[] Bytes);

/// <summary>
/// Everything a download holds, as tables, with the files of documents, what it leaves out and why, and (for a person's
/// own download) the children whose records it shows parts of.
/// </summary>
public sealed record RecordContents(IReadOnlyList<ExportTable> Tables, IReadOnlyList<ExportedFile> Files, IReadOnlyList<string> LeftOut, IReadOnlyList<Guid>? ChildrenShown = null);

/// <summary>
/// Reads everything held about one child that a person may see, by the same rules the pages use: each part of the
/// record only if it is shared with them, a meeting's record only once its note-taker has shared it, and nothing
/// about any other child. Every query is by this child, so another child's data cannot reach the download.
/// </summary>
public sealed class ChildRecordReader(CommonGroundDbContext db)
{
    /// <summary>
    /// What is kept with a child's record but is not in a download, and why: each is about how people use the service,
    /// not about the child, or is worked out again from what the download holds. A test holds this list to the model, so
    /// anything new kept about a child is either in the download or named here.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, string> NotInDownload = new Dictionary<Type, string>
    {
        [typeof(Attention.AttentionSignal)] = "The early warnings professionals see in their own working lists: they are worked out from what is in this download.",
        [typeof(Attention.AttentionRecheck)] = "The next day the early warnings are worked out again, worked out from what is in this download.",
        [typeof(Attention.AttentionSummary)] = "Where the child stands on each professional's list of early warnings, worked out from what is in this download.",
        [typeof(Children.ChildVisit)] = "When each person last opened the record, kept only to show them what is new since.",
        [typeof(ConversationRead)] = "How far each person has read each conversation, kept only to show them what is unread.",
        [typeof(Notifications.NotificationPreference)] = "Each person's own choices about email.",
        [typeof(RecordExportFile)] = "The files of earlier downloads, which are deleted once downloaded.",
    };

    public async Task<RecordContents> ReadAsync(ChildAccess access, CancellationToken cancellationToken)
    {
        var childId = access.Child.Id;
        var parts = access.SharedAreas.ToList();
        var tables = new List<ExportTable>();
        var files = new List<ExportedFile>();
        var names = await NamesAsync(childId, cancellationToken);
        string? Name(Guid? userId) => userId is { } id ? names.GetValueOrDefault(id) : null;

        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId).ToListAsync(cancellationToken);
        tables.Add(ExportTable.Of("child", "The child", "Who the record is about.", null, child));

        var family = await db.FamilyMembers.AsNoTracking().Where(f => f.ChildId == childId).OrderBy(f => f.JoinedAt).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        tables.Add(ExportTable.Of("family-members", "Family", "The family members on the record.", null, family)
            .With<Children.FamilyMember>("name", "Name", f => Name(f.UserAccountId)));
        tables.Add(ExportTable.Of("family-sharing-decisions", "What a young person shares with their family", "Each decision, in order.", null,
            await db.FamilySharingDecisions.AsNoTracking().Where(d => d.ChildId == childId).OrderBy(d => d.Id).ToListAsync(cancellationToken)));

        var team = await db.TeamMembers.AsNoTracking().Include(t => t.Professional!).ThenInclude(p => p.Organisation)
            .Where(t => t.ChildId == childId).OrderBy(t => t.JoinedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        tables.Add(ExportTable.Of("team-members", "The team", "Everyone who has had a place on the team, and when.", null, team)
            .With<Team.TeamMember>("name", "Name", t => Name(t.Professional!.UserAccountId))
            .With<Team.TeamMember>("organisation", "Organisation", t => t.Professional!.Organisation?.Name));
        tables.Add(ExportTable.Of("sharing-consents", "What each team member may see", "Every decision to share a part of the record, and its withdrawal.", null,
            await db.SharingConsents.AsNoTracking().Where(c => c.ChildId == childId).OrderBy(c => c.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("invitations", "Invitations to join the record", "Everyone invited to the family or the team, and whether they joined.", null,
            await db.Invitations.AsNoTracking().Where(i => i.ChildId == childId).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("access-requests", "Requests to see more of the record", "What professionals asked to see, and the answers.", null,
            await db.AccessRequests.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("covers", "Cover for the key worker", "Who covered for the key worker, and when.", null,
            await db.Covers.AsNoTracking().Where(c => c.ChildId == childId).OrderBy(c => c.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("handovers", "Hand-overs", "Work passed from one person to another.", null,
            (await db.Handovers.AsNoTracking().Where(h => h.ChildId == childId).OrderBy(h => h.Id).ToListAsync(cancellationToken))
                .Where(h => (h.Part is not { } part || access.CanSee(part)) && (h.AboutPart is not { } about || access.CanSee(about)))));

        var sections = Enum.GetValues<ProfileSectionKind>().Where(s => access.CanSee(s.Area())).ToList();
        tables.Add(ExportTable.Of("about-me", "About me", "Each section as it stands.", RecordArea.AboutMe,
            await db.ProfileSections.AsNoTracking().Where(s => s.ChildId == childId && sections.Contains(s.Section)).OrderBy(s => s.Section).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("about-me-versions", "Every version of About me", "Each section as it was after every change.", RecordArea.AboutMe,
            await db.ProfileSectionVersions.AsNoTracking().Where(v => v.ChildId == childId && sections.Contains(v.Section)).OrderBy(v => v.Section).ThenBy(v => v.Version).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("about-me-suggestions", "Suggested changes to About me", "What professionals suggested, and what the family decided.", RecordArea.AboutMe,
            await db.ProfileSuggestions.AsNoTracking().Where(s => s.ChildId == childId && sections.Contains(s.Section)).OrderBy(s => s.SuggestedAt).ToListAsync(cancellationToken)));
        if (access.CanSee(RecordArea.AboutMe))
        {
            tables.Add(ExportTable.Of("share-links", "Links sharing About me", "Links the family made to share About me outside the service.", RecordArea.AboutMe,
                await db.ProfileShareLinks.AsNoTracking().Where(l => l.ChildId == childId).OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken)));
        }

        await AddPlansAsync(access, tables, cancellationToken);
        await AddCommitmentsAsync(access, tables, cancellationToken);
        await AddMeetingsAsync(access, tables, cancellationToken);
        await AddConcernsAsync(access, parts, tables, cancellationToken);

        if (access.CanSee(RecordArea.StatutoryProcess))
        {
            tables.Add(ExportTable.Of("statutory-processes", "Statutory processes", "EHC needs assessments, reviews, amendments, transfers, mediation and appeals.", RecordArea.StatutoryProcess,
                await db.StatutoryProcesses.AsNoTracking().Where(p => p.ChildId == childId).OrderBy(p => p.Id).ToListAsync(cancellationToken)));
            tables.Add(ExportTable.Of("statutory-events", "What happened in each statutory process", "Every step recorded, with its date.", RecordArea.StatutoryProcess,
                await db.StatutoryEvents.AsNoTracking().Where(e => e.ChildId == childId).OrderBy(e => e.Id).ToListAsync(cancellationToken)));
        }

        var advice = await db.AdviceRequests.AsNoTracking().Where(r => r.ChildId == childId && parts.Contains(r.Part)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var adviceIds = advice.Select(r => r.Id).ToList();
        tables.Add(ExportTable.Of("advice-requests", "Advice asked for and given", "Who was asked for advice, by when, and what they said.", null, advice));
        tables.Add(ExportTable.Of("recommendations", "Recommendations in advice", "Each recommendation an adviser made.", null,
            await db.Recommendations.AsNoTracking().Where(r => r.ChildId == childId && adviceIds.Contains(r.RequestId)).OrderBy(r => r.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("recommendation-answers", "What the plan did with each recommendation", "Adopted or declined, with the reason.", null,
            await db.RecommendationAnswers.AsNoTracking().Where(a => a.ChildId == childId && adviceIds.Contains(a.RequestId)).OrderBy(a => a.Id).ToListAsync(cancellationToken)));

        var documents = await db.Documents.AsNoTracking().Where(d => d.ChildId == childId && parts.Contains(d.Part)).OrderBy(d => d.AddedAt).ToListAsync(cancellationToken);
        var kept = documents.Where(d => !d.IsRemoved).Select(d => d.Id).ToList();
        var contents = await db.DocumentContents.AsNoTracking().Where(c => kept.Contains(c.DocumentId)).ToDictionaryAsync(c => c.DocumentId, c => c.Bytes, cancellationToken);
        var index = 0;
        foreach (var document in documents.Where(d => contents.ContainsKey(d.Id)))
        {
            files.Add(new ExportedFile(document.Id, $"documents/{++index:D3}-{SafeFileName(document.FileName)}", contents[document.Id]));
        }

        var paths = files.ToDictionary(f => f.DocumentId, f => f.PathInDownload);
        tables.Add(ExportTable.Of("documents", "Documents", "Reports and letters on the record. The files are in the documents folder of this download.", null, documents)
            .With<Document>("file", "File in this download", d => paths.GetValueOrDefault(d.Id)));

        var notifications = (await db.Notifications.AsNoTracking().Where(n => n.ChildId == childId).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken))
            .Where(n => (n.Area is not { } area || access.CanSee(area)) && (n.AboutArea is not { } about || access.CanSee(about)));
        tables.Add(ExportTable.Of("notifications", "Notifications about the child", "Everything the service told anyone about the record, and whether it was emailed.", null, notifications)
            .With<Notifications.Notification>("recipient", "Sent to", n => Name(n.RecipientUserId)));

        var log = db.AccessLog.AsNoTracking().Where(a => a.ChildId == childId);
        if (!access.SeesEveryArea)
        {
            log = log.Where(a => a.Area == null || parts.Contains(a.Area.Value));
        }

        tables.Add(ExportTable.Of("access-log", "Who has seen the record", "Every time someone outside the family looked at the record.", null,
            await log.OrderBy(a => a.ViewedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("corrections", "Requests to correct words", "Each request to correct a professional's words, the words as they stood, and the answer.", null,
            await db.CorrectionRequests.AsNoTracking().Where(r => r.ChildId == childId && parts.Contains(r.Part)).OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken)));
        // A young person who decides for themself makes such requests alone, so their parents' download leaves them out.
        tables.Add(ExportTable.Of("erasure-requests", "Requests to erase the record", "Each request to erase the record, and the local authority's answer.", null,
            ErasureService.MayAsk(access)
                ? await db.ErasureRequests.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken)
                : []));
        tables.Add(ExportTable.Of("emergency-access", "Opened in an emergency", "Each time a local authority lead opened the record without a place on the team, why, and until when.", null,
            await db.EmergencyAccesses.AsNoTracking().Where(g => g.ChildId == childId).OrderBy(g => g.From).ThenBy(g => g.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("changes", "Every change to the record", "Who changed what, and when (the chronology).", null,
            await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == "Child" && a.EntityId == childId).VisibleTo(access)
                .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).ToListAsync(cancellationToken)));

        tables.Add(ExportTable.Of("downloads", "Downloads of the record", "Every download of everything held about the child, by whom, and when it was taken.", null,
            await db.RecordExports.AsNoTracking().Where(e => e.ChildId == childId).OrderBy(e => e.RequestedAt).ToListAsync(cancellationToken)));

        return new RecordContents(tables, files, LeftOut(access));
    }

    private async Task AddPlansAsync(ChildAccess access, List<ExportTable> tables, CancellationToken cancellationToken)
    {
        var childId = access.Child.Id;
        var parts = access.SharedAreas.ToList();
        tables.Add(ExportTable.Of("plans", "Support plans", "SEN support plans, Individual Support Plans and EHC plans.", null,
            await db.SupportPlans.AsNoTracking().Where(p => p.ChildId == childId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken)));
        var lines = await db.PlanLines.AsNoTracking().Where(l => l.ChildId == childId && parts.Contains(l.Part)).OrderBy(l => l.PlanId).ThenBy(l => l.Position).ToListAsync(cancellationToken);
        var lineIds = lines.Select(l => l.Id).ToList();
        tables.Add(ExportTable.Of("plan-lines", "Needs, outcomes and provision in each plan", "Every line of every plan.", null, lines));
        tables.Add(ExportTable.Of("plan-responses", "The family's answers to each plan line", "Agreed, or asked to change, with the words given.", null,
            await db.PlanResponses.AsNoTracking().Where(r => r.ChildId == childId && lineIds.Contains(r.LineId)).OrderBy(r => r.At).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("plan-versions", "Every version of each plan", "Each plan as it stood when it was shared with the family or agreed.", null,
            (await db.PlanVersions.AsNoTracking().Where(v => v.ChildId == childId).ToListAsync(cancellationToken)).OrderBy(v => v.PlanId).ThenBy(v => v.Number).ThenBy(v => v.Stage))
            .Replace<PlanVersion>("content", v => PlanContent.FromJson(v.Content).AsText(access.CanSee)));
        tables.Add(ExportTable.Of("outcome-progress", "Progress towards each outcome", "What the team said at each review.", null,
            await db.OutcomeProgress.AsNoTracking().Where(p => p.ChildId == childId && parts.Contains(p.Part)).OrderBy(p => p.Id).ToListAsync(cancellationToken)));
    }

    private async Task AddCommitmentsAsync(ChildAccess access, List<ExportTable> tables, CancellationToken cancellationToken)
    {
        var commitments = await db.Commitments.AsNoTracking().VisibleTo(access).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var ids = commitments.Select(c => c.Id).ToList();
        var childId = access.Child.Id;
        tables.Add(ExportTable.Of("commitments", "Commitments", "Every promise and line of provision: what, who, how much and how often.", RecordArea.Commitments, commitments));
        tables.Add(ExportTable.Of("commitment-status-changes", "Changes to each commitment's status", "When a commitment was paused, ended or changed, and why.", RecordArea.Commitments,
            await db.CommitmentStatusChanges.AsNoTracking().Where(s => ids.Contains(s.CommitmentId)).OrderBy(s => s.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("commitment-comments", "Comments on commitments", "What people said about each commitment.", RecordArea.Commitments,
            await db.CommitmentComments.AsNoTracking().Where(c => c.ChildId == childId && ids.Contains(c.CommitmentId)).OrderBy(c => c.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("delivery-records", "Delivery records", "Each time provision was delivered or missed, and the family's answer.", RecordArea.Commitments,
            await db.DeliveryRecords.AsNoTracking().Where(d => d.ChildId == childId && ids.Contains(d.CommitmentId)).OrderBy(d => d.CommitmentId).ThenBy(d => d.Id).ToListAsync(cancellationToken)));
    }

    private async Task AddMeetingsAsync(ChildAccess access, List<ExportTable> tables, CancellationToken cancellationToken)
    {
        if (!access.CanSee(RecordArea.Meetings))
        {
            return;
        }

        var childId = access.Child.Id;
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.ChildId == childId).OrderBy(m => m.StartsAt).ToListAsync(cancellationToken);
        var ids = meetings.Select(m => m.Id).ToList();
        // A draft record is the note-taker's until they share it, as on the meeting's own page.
        static bool Shared(Meeting m) => m.RecordStatus is MeetingRecordStatus.Shared or MeetingRecordStatus.CorrectionsRequested or MeetingRecordStatus.Agreed;
        tables.Add(ExportTable.Of("meetings", "Meetings", "Every meeting, and its record as it stands once shared.", RecordArea.Meetings, meetings)
            .Replace<Meeting>("familyViews", m => Shared(m) ? m.FamilyViews : null)
            .Replace<Meeting>("childViews", m => Shared(m) ? m.ChildViews : null)
            .Replace<Meeting>("decisions", m => Shared(m) ? m.Decisions : null)
            .Replace<Meeting>("othersPresent", m => Shared(m) ? m.OthersPresent : null));
        tables.Add(ExportTable.Of("meeting-invitees", "Who was invited to each meeting", "And whether they came.", RecordArea.Meetings,
            await db.MeetingInvitees.AsNoTracking().Where(i => ids.Contains(i.MeetingId)).OrderBy(i => i.Id).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("agenda-items", "Agenda items", "What anyone asked to talk about, and the notes on it.", RecordArea.Meetings,
            await db.AgendaItems.AsNoTracking().Where(a => ids.Contains(a.MeetingId)).OrderBy(a => a.AddedAt).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("meeting-record-versions", "Every version of each meeting's record", "Each record as shared, revised or agreed.", RecordArea.Meetings,
            await db.MeetingRecordVersions.AsNoTracking().Where(v => ids.Contains(v.MeetingId)).OrderBy(v => v.MeetingId).ThenBy(v => v.Number).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("meeting-record-corrections", "Corrections asked for to meeting records", "What the family asked to correct, and the answer.", RecordArea.Meetings,
            await db.RecordCorrections.AsNoTracking().Where(c => ids.Contains(c.MeetingId)).OrderBy(c => c.RequestedAt).ToListAsync(cancellationToken)));
        tables.Add(ExportTable.Of("meeting-feedback", "Did you feel listened to?", "What was said after each meeting.", RecordArea.Meetings,
            await db.MeetingFeedback.AsNoTracking().Where(f => f.ChildId == childId && ids.Contains(f.MeetingId)).OrderBy(f => f.Id).ToListAsync(cancellationToken)));
    }

    private async Task AddConcernsAsync(ChildAccess access, List<RecordArea> parts, List<ExportTable> tables, CancellationToken cancellationToken)
    {
        var childId = access.Child.Id;
        var concerns = access.Can(Capability.ViewRecord, RecordArea.Concerns)
            ? await db.Concerns.AsNoTracking().Where(c => c.ChildId == childId && parts.Contains(c.About)).OrderBy(c => c.Id).ToListAsync(cancellationToken)
            : [];
        var concernIds = concerns.Select(c => c.Id).ToList();
        tables.Add(ExportTable.Of("concerns", "Concerns", "Every concern raised, who owned it, and how it was answered.", RecordArea.Concerns, concerns));
        tables.Add(ExportTable.Of("concern-updates", "What happened with each concern", "Acknowledged, answered, escalated and resolved, with the words.", RecordArea.Concerns,
            await db.ConcernUpdates.AsNoTracking().Where(u => u.ChildId == childId && concernIds.Contains(u.ConcernId)).OrderBy(u => u.Id).ToListAsync(cancellationToken)));

        var conversations = access.Can(Capability.ViewRecord, RecordArea.Concerns)
            ? await db.Conversations.AsNoTracking().Where(c => c.ChildId == childId && (c.ConcernId == null || concernIds.Contains(c.ConcernId.Value))).OrderBy(c => c.StartedAt).ToListAsync(cancellationToken)
            : [];
        var conversationIds = conversations.Select(c => c.Id).ToList();
        tables.Add(ExportTable.Of("conversations", "Conversations", "Every conversation about the child.", RecordArea.Concerns, conversations));
        tables.Add(ExportTable.Of("messages", "Messages", "Every message in those conversations.", RecordArea.Concerns,
            await db.Messages.AsNoTracking().Where(m => m.ChildId == childId && conversationIds.Contains(m.ConversationId)).OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToListAsync(cancellationToken)));
    }

    /// <summary>Names of everyone who has had anything to do with the child, for the columns that hold only an account.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(Guid childId, CancellationToken cancellationToken)
    {
        var people = db.FamilyMembers.Where(f => f.ChildId == childId).Select(f => f.UserAccountId)
            .Union(db.TeamMembers.Where(t => t.ChildId == childId).Select(t => t.Professional!.UserAccountId))
            .Union(db.Notifications.Where(n => n.ChildId == childId).Select(n => n.RecipientUserId));
        return await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    /// <summary>What the download does not hold for this person, and why, so they are not left to wonder.</summary>
    private static List<string> LeftOut(ChildAccess access)
    {
        var leftOut = new List<string>
        {
            "Drafts a professional has not yet shared, such as a meeting record still being written: they are in the download once shared.",
            "The internet addresses people used when they looked at or changed the record: they are about those people, not about the child.",
        };
        leftOut.AddRange(NotInDownload.Values);
        if (!access.SeesEveryArea)
        {
            var hidden = RecordAreas.All.Where(a => !access.CanSee(a));
            leftOut.Insert(0, $"The parts of the record not shared with you: {RecordAreas.Describe(hidden)}.");
        }

        return leftOut;
    }

    /// <summary>A file name safe in any zip reader: letters, digits, dots, dashes and underscores only.</summary>
    public static string SafeFileName(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray()).Trim('-', '.');
        return safe.Length == 0 ? "document" : safe[..Math.Min(safe.Length, 100)];
    }
}
