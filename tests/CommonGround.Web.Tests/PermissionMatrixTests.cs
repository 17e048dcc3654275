using CommonGround.Core.Statutory;
using CommonGround.Core.Team;
using System.Net;
using System.Text.Json;
using CommonGround.Core.Access;
using CommonGround.Core.Accounts;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Concerns;
using CommonGround.Core.Data;
using CommonGround.Core.Meetings;
using CommonGround.Core.Organisations;
using CommonGround.Core.Plans;
using CommonGround.Core.Profiles;
using CommonGround.Core.Time;
using CommonGround.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommonGround.Web.Tests;

/// <summary>One row of permissions.json; <paramref name="Query"/> is added to the route when a form posts to a named handler.</summary>
public sealed record PermissionRow(string Route, string[] Methods, string Access, string? Capability, string? Area, string? Relationship, string? Query);

/// <summary>The demo families and teams, with every kind of relationship the permission matrix must hold for.</summary>
public sealed class PermissionFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public PermissionRecords Records { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        Records = await PermissionRecords.PrepareAsync(App);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>The records each route's placeholders are filled with, per child.</summary>
public sealed class PermissionRecords
{
    public Dictionary<string, Guid> Children { get; } = [];
    public Dictionary<string, Guid> Members { get; } = [];
    public Dictionary<string, Guid> FamilyMembers { get; } = [];
    public Dictionary<string, Guid> Suggestions { get; } = [];
    public Dictionary<string, Guid> ShareLinks { get; } = [];
    /// <summary>A second suggestion per child, for the form that accepts one as it is, apart from the one deciding with changes uses.</summary>
    public Dictionary<string, Guid> SuggestionsToAccept { get; } = [];

    public Dictionary<string, Guid> KeyWorkers { get; } = [];
    public Dictionary<string, Guid> Commitments { get; } = [];
    public Dictionary<string, Guid> Deliveries { get; } = [];
    public Dictionary<string, Guid> Meetings { get; } = [];
    public Dictionary<string, Guid> Processes { get; } = [];
    public Dictionary<string, Guid> StatutoryEvents { get; } = [];
    public Dictionary<string, Guid> Concerns { get; } = [];
    public Dictionary<string, Guid> Conversations { get; } = [];
    public Dictionary<string, Guid> Plans { get; } = [];
    public Dictionary<string, Guid> PlanLines { get; } = [];
    public Dictionary<string, Guid> PlanResponses { get; } = [];
    public Dictionary<string, Guid> Documents { get; } = [];
    public Dictionary<string, Guid> AdviceRequests { get; } = [];
    public Dictionary<string, Guid> GivenAdvice { get; } = [];
    public Dictionary<string, Guid> RecommendationAnswers { get; } = [];
    public Dictionary<string, Guid> Covers { get; } = [];
    /// <summary>A professional's message in the conversation, which the family can ask to correct, and a request waiting on it.</summary>
    public Dictionary<string, Guid> CorrectableMessages { get; } = [];
    public Dictionary<string, Guid> Corrections { get; } = [];
    public Dictionary<string, Guid> Erasures { get; } = [];

    /// <summary>
    /// The address of a row for a child. Choosing the key worker is tried on the current key worker, so that being
    /// allowed to do it does not take the right to manage the team away from the key worker who tries it.
    /// </summary>
    public string Url(PermissionRow row, string child, string method = "GET") => (row.Route + (method == "POST" ? row.Query?.Replace("{suggestionId:guid}", SuggestionsToAccept[child].ToString(), StringComparison.Ordinal) : null))
        .Replace("{childId:guid}", Children[child].ToString(), StringComparison.Ordinal)
        .Replace("{memberId:guid}", (row.Route.EndsWith("/key-worker", StringComparison.Ordinal) ? KeyWorkers[child] : Members[child]).ToString(), StringComparison.Ordinal)
        .Replace("{familyMemberId:guid}", FamilyMembers[child].ToString(), StringComparison.Ordinal)
        .Replace("{suggestionId:guid}", Suggestions[child].ToString(), StringComparison.Ordinal)
        .Replace("{linkId:guid}", ShareLinks[child].ToString(), StringComparison.Ordinal)
        .Replace("{commitmentId:guid}", Commitments[child].ToString(), StringComparison.Ordinal)
        .Replace("{deliveryId:guid}", Deliveries[child].ToString(), StringComparison.Ordinal)
        .Replace("{meetingId:guid}", Meetings[child].ToString(), StringComparison.Ordinal)
        .Replace("{processId:guid}", Processes[child].ToString(), StringComparison.Ordinal)
        .Replace("{eventId:guid}", StatutoryEvents[child].ToString(), StringComparison.Ordinal)
        .Replace("{concernId:guid}", Concerns[child].ToString(), StringComparison.Ordinal)
        .Replace("{conversationId:guid}", Conversations[child].ToString(), StringComparison.Ordinal)
        .Replace("{planId:guid}", Plans[child].ToString(), StringComparison.Ordinal)
        .Replace("{kind:regex(^(needs|outcomes|provision|placement|personal-budget)$)}/{lineId:guid?}", $"needs/{PlanLines[child]}", StringComparison.Ordinal)
        .Replace("{responseId:guid}", PlanResponses[child].ToString(), StringComparison.Ordinal)
        .Replace("{documentId:guid}", Documents[child].ToString(), StringComparison.Ordinal)
        .Replace("/advice/{requestId:guid}", row.Route.Contains("{planId", StringComparison.Ordinal) ? $"/advice/{GivenAdvice[child]}" : "/advice/{requestId:guid}", StringComparison.Ordinal)
        .Replace("{requestId:guid}", AdviceRequests[child].ToString(), StringComparison.Ordinal)
        .Replace("{answerId:guid}", RecommendationAnswers[child].ToString(), StringComparison.Ordinal)
        .Replace("{coverId:guid}", Covers[child].ToString(), StringComparison.Ordinal)
        .Replace("{correctable}", "message", StringComparison.Ordinal)
        .Replace("{subjectId:guid}", CorrectableMessages[child].ToString(), StringComparison.Ordinal)
        .Replace("{correctionId:guid}", Corrections[child].ToString(), StringComparison.Ordinal)
        .Replace("{erasureId:guid}", Erasures[child].ToString(), StringComparison.Ordinal)
        .Replace("{letter}", "ask-for-assessment", StringComparison.Ordinal)
        .Replace("{number:int}", "1", StringComparison.Ordinal)
        .Replace("{decision:regex(^(edit|decline)$)}", "edit", StringComparison.Ordinal)
        .Replace("{section}", "about-me", StringComparison.Ordinal)
        .Replace("{area}", "health", StringComparison.Ordinal);

    /// <summary>Sets up, on the demo data, the relationships <see cref="PermissionMatrixTests"/> names.</summary>
    public static async Task<PermissionRecords> PrepareAsync(AppFactory app)
    {
        var records = new PermissionRecords();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var today = app.Time.TodayInUk();
        var now = app.Time.GetUtcNow().UtcDateTime;
        foreach (var name in new[] { "Samuel", "Jordan" })
        {
            records.Children[name] = await db.Children.Where(c => c.FirstName == name).Select(c => c.Id).SingleAsync();
        }

        records.Members["Samuel"] = await db.TeamMembers.Where(t => t.ChildId == records.Children["Samuel"] && t.Professional!.UserAccount!.Email == "therapist@example.org").Select(t => t.Id).SingleAsync();
        records.Members["Jordan"] = await db.TeamMembers.Where(t => t.ChildId == records.Children["Jordan"]).Select(t => t.Id).SingleAsync();
        foreach (var (name, id) in records.Children)
        {
            records.KeyWorkers[name] = await db.TeamMembers.Where(t => t.ChildId == id && t.IsKeyWorker).Select(t => t.Id).SingleAsync();
        }

        records.FamilyMembers["Samuel"] = await db.FamilyMembers.Where(f => f.ChildId == records.Children["Samuel"]).Select(f => f.Id).SingleAsync();
        records.FamilyMembers["Jordan"] = await db.FamilyMembers.Where(f => f.ChildId == records.Children["Jordan"] && f.Relationship == FamilyRelationship.ParentCarer).Select(f => f.Id).SingleAsync();

        // Sam's transport officer had sharing withdrawn; Sam's caseworker had it run out yesterday.
        foreach (var consent in await db.SharingConsents.Where(c => c.ChildId == records.Children["Samuel"] && db.TeamMembers.Any(t => t.Id == c.TeamMemberId && t.Professional!.UserAccount!.Email == "transport@example.org")).ToListAsync())
        {
            consent.Withdraw(Guid.Empty, now);
        }

        // Each of the caseworker's decisions is made again as the family would have made it a month ago, until yesterday.
        var caseworkerOnSam = await db.TeamMembers.Where(t => t.ChildId == records.Children["Samuel"] && t.Professional!.UserAccount!.Email == "caseworker@example.org").Select(t => t.Id).SingleAsync();
        foreach (var consent in await db.SharingConsents.Where(c => c.TeamMemberId == caseworkerOnSam && c.WithdrawnAt == null).ToListAsync())
        {
            consent.Withdraw(Guid.Empty, now);
            db.SharingConsents.Add(new SharingConsent
            {
                TeamMemberId = caseworkerOnSam, ChildId = consent.ChildId, Area = consent.Area, From = today.AddDays(-30), Until = today.AddDays(-1),
                GrantedByUserId = consent.GrantedByUserId, GrantedAt = now.AddDays(-30),
            });
        }

        await db.SaveChangesAsync();

        // Jordan, who decides, lets their parent see only the Education part.
        db.FamilySharingDecisions.Add(new FamilySharingDecision
        {
            ChildId = records.Children["Jordan"], FamilyMemberId = records.FamilyMembers["Jordan"], Areas = RecordAreas.Format([RecordArea.Education]),
            DecidedByUserId = await db.Users.Where(u => u.Email == "youngperson@example.org").Select(u => u.Id).SingleAsync(), DecidedByName = "Jordan Reid", DecidedAt = now,
        });

        // A professional in another local authority area.
        var build = TestRecords.Create(db, scope.ServiceProvider.GetRequiredService<IPasswordHasher<UserAccount>>(), app.Time);
        build.Professional(build.Organisation(build.Area("Southmere", "SM"), "Southmere Primary", OrganisationKind.School), "other.area@example.org", "Pat Elsewhere", "SENCO");

        // A social worker on Sam's team, who is shared commitments, concerns and meetings but neither health nor
        // education: the commitment below is about health, and the concern about education.
        var sam = await db.Children.SingleAsync(c => c.Id == records.Children["Samuel"]);
        var socialWorker = build.Professional(build.Organisation(sam.AreaId, "Northvale Children's Services", OrganisationKind.SocialCare), "social.worker@example.org", "Sol Worker", "Social worker");
        build.Team(sam, socialWorker, "Social worker", socialWorker.UserAccountId, sharedFrom: today.AddDays(-1),
            shared: [RecordArea.Commitments, RecordArea.Concerns, RecordArea.Meetings, RecordArea.SocialCare]);
        // Someone on each team covers for the key worker this week: the therapist for Sam, the social worker for Jordan.
        var jordan = await db.Children.SingleAsync(c => c.Id == records.Children["Jordan"]);
        var socialWorkerOnJordan = build.Team(jordan, socialWorker, "Social worker", socialWorker.UserAccountId, sharedFrom: today.AddDays(-1), shared: [RecordArea.SocialCare]);
        var coverPlaces = new Dictionary<string, Guid> { ["Samuel"] = records.Members["Samuel"], ["Jordan"] = socialWorkerOnJordan.Id };

        foreach (var (child, by) in new[] { ("Samuel", "therapist@example.org"), ("Jordan", "caseworker@example.org") })
        {
            var suggestion = new ProfileSuggestion
            {
                ChildId = records.Children[child], Section = ProfileSectionKind.AboutMe, TextBefore = "", VersionBefore = 0, SuggestedText = "Suggested words",
                SuggestedByUserId = await db.Users.Where(u => u.Email == by).Select(u => u.Id).SingleAsync(), SuggestedByName = by, SuggestedAt = now,
            };
            var toAccept = new ProfileSuggestion
            {
                ChildId = suggestion.ChildId, Section = ProfileSectionKind.AboutMe, TextBefore = "", VersionBefore = 0, SuggestedText = "Other words",
                SuggestedByUserId = suggestion.SuggestedByUserId, SuggestedByName = by, SuggestedAt = now,
            };
            db.ProfileSuggestions.AddRange(suggestion, toAccept);
            records.Suggestions[child] = suggestion.Id;
            records.SuggestionsToAccept[child] = toAccept.Id;
            var link = new ProfileShareLink
            {
                ChildId = records.Children[child], Label = "Supply teacher", TokenHash = Guid.NewGuid().ToString("N"), Areas = "AboutMe",
                CreatedByUserId = suggestion.SuggestedByUserId, CreatedAt = now, ExpiresAt = now.AddDays(7),
            };
            db.ProfileShareLinks.Add(link);
            records.ShareLinks[child] = link.Id;

            // A commitment owned by the child's key worker, with a delivery the family disputes.
            var owner = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.Organisation).Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
                .SingleAsync(t => t.Id == records.KeyWorkers[child]);
            var commitment = new Commitment
            {
                ChildId = records.Children[child], AreaId = owner.AreaId, What = "Weekly check-in", RecordArea = CommitmentArea.Health, Source = CommitmentSource.Meeting,
                OwnerProfessionalId = owner.ProfessionalId, OwnerName = owner.Professional!.UserAccount!.DisplayName, OwnerOrganisationId = owner.Professional.OrganisationId,
                OwnerOrganisationName = owner.Professional.Organisation!.Name, Kind = CommitmentKind.Recurring, QuantityPerPeriod = 1, Unit = ProvisionUnit.Sessions,
                Period = ProvisionPeriod.Week, StartDate = today.AddDays(-28), CreatedAt = now, CreatedByUserId = owner.Professional.UserAccountId, CreatedByName = "Key worker",
            };
            commitment.ChangeStatus(CommitmentStatus.Agreed, null, owner.Professional.UserAccountId, "Key worker", now, today);
            var delivery = new DeliveryRecord
            {
                CommitmentId = commitment.Id, ChildId = commitment.ChildId, Date = today.AddDays(-7), Delivered = true, Quantity = 1,
                RecordedByUserId = owner.Professional.UserAccountId, RecordedByName = "Key worker", RecordedAt = now,
            };
            delivery.Respond(FamilyResponse.Disputed, "It did not happen", "Parent", now);
            db.Commitments.Add(commitment);
            db.DeliveryRecords.Add(delivery);
            records.Commitments[child] = commitment.Id;
            records.Deliveries[child] = delivery.Id;

            // A meeting the key worker arranged yesterday, its record shared with the family to agree.
            var meeting = new Meeting
            {
                ChildId = records.Children[child], AreaId = owner.AreaId, Kind = MeetingKind.Review, StartsAt = now.AddDays(-1), DurationMinutes = 60, Place = "School",
                OrganiserUserId = owner.Professional.UserAccountId, OrganiserName = owner.Professional.UserAccount.DisplayName, OrganiserEmail = owner.Professional.UserAccount.Email!,
                OrganiserOrganisationId = owner.Professional.OrganisationId, OrganiserOrganisationName = owner.Professional.Organisation.Name,
                NoteTakerUserId = owner.Professional.UserAccountId, NoteTakerName = owner.Professional.UserAccount.DisplayName, ScheduledAt = now.AddDays(-7),
            };
            meeting.WriteRecord(null, null, "Carry on as now", null, "Key worker");
            meeting.Share();
            db.Meetings.Add(meeting);
            db.MeetingRecordVersions.Add(new MeetingRecordVersion
            {
                MeetingId = meeting.Id, Number = 1, Kind = RecordVersionKind.Shared, Content = MeetingRecordContent.Of(meeting, []).ToJson(), CreatedAt = now, CreatedByName = "Key worker",
            });
            records.Meetings[child] = meeting.Id;

            // A needs assessment whose request date the family recorded, waiting for the local authority to confirm it.
            var process = new StatutoryProcess
            {
                ChildId = records.Children[child], AreaId = owner.AreaId, Kind = StatutoryProcessKind.NeedsAssessment, StartedAt = now,
                StartedByUserId = owner.Professional.UserAccountId, StartedByName = "Parent",
            };
            var request = new StatutoryEvent
            {
                ProcessId = process.Id, ChildId = process.ChildId, Kind = StatutoryEventKind.RequestReceived, OccurredOn = today.AddDays(-50),
                RecordedAt = now, RecordedByUserId = owner.Professional.UserAccountId, RecordedByName = "Parent", RecordedByFamily = true,
            };
            process.Events.Add(request);
            process.Refresh(Timescales.England);
            db.StatutoryProcesses.Add(process);
            records.Processes[child] = process.Id;
            records.StatutoryEvents[child] = request.Id;

            // A concern about Education the family raised: Sam's goes to the key worker, Jordan's to the local authority's inbox.
            var raisedBy = await db.FamilyMembers.Where(f => f.ChildId == records.Children[child]).OrderBy(f => f.JoinedAt).Select(f => f.UserAccountId).FirstAsync();
            var concern = new Concern
            {
                ChildId = records.Children[child], AreaId = owner.AreaId, Topic = "Homework", About = RecordArea.Education, WhatIsHappening = "Too much homework",
                Urgency = ConcernUrgency.Standard, RaisedAt = now, RaisedByUserId = raisedBy, RaisedByName = "Parent", RaisedByFamily = true,
                OwnerOrganisationId = owner.Professional.OrganisationId, OwnerOrganisationName = owner.Professional.Organisation.Name,
                OwnerProfessionalId = child == "Samuel" ? owner.ProfessionalId : null, OwnerName = child == "Samuel" ? owner.Professional.UserAccount.DisplayName : null,
                ClockStartsOn = today, AcknowledgeBy = today.AddDays(2), RespondBy = today.AddDays(14),
            };
            db.Concerns.Add(concern);
            db.ConcernUpdates.Add(concern.Raise(raisedBy, "Parent", true));
            records.Concerns[child] = concern.Id;
            var conversation = new Conversation
            {
                ChildId = records.Children[child], AreaId = owner.AreaId, Subject = "Swimming", StartedAt = now, StartedByUserId = raisedBy, StartedByName = "Parent", LastMessageAt = now, MessageCount = 2,
            };
            db.Conversations.Add(conversation);
            db.Messages.Add(new Message { ConversationId = conversation.Id, ChildId = conversation.ChildId, AuthorUserId = raisedBy, AuthorName = "Parent", ByFamily = true, Text = "Can we talk about swimming?", SentAt = now });
            records.Conversations[child] = conversation.Id;
            var reply = new Message
            {
                ConversationId = conversation.Id, ChildId = conversation.ChildId, AuthorUserId = owner.Professional.UserAccountId, AuthorName = "Key worker",
                AuthorOrganisationName = owner.Professional.Organisation.Name, ByFamily = false, Text = "He refuses to swim", SentAt = now,
            };
            db.Messages.Add(reply);
            records.CorrectableMessages[child] = reply.Id;
            var correction = new Core.DataRights.CorrectionRequest
            {
                ChildId = conversation.ChildId, AreaId = owner.AreaId, Kind = Core.DataRights.CorrectableKind.Message, SubjectId = reply.Id, Part = RecordArea.Concerns,
                Link = $"/children/{conversation.ChildId}/conversations/{conversation.Id}", Words = reply.Text, WhatIsWrong = "He is frightened of the water, he does not refuse",
                AuthorUserId = owner.Professional.UserAccountId, AuthorName = "Key worker", OrganisationId = owner.Professional.OrganisationId, OrganisationName = owner.Professional.Organisation.Name,
                RequestedByUserId = raisedBy, RequestedByName = "Parent", RequestedAt = now, DueOn = today.AddMonths(1),
            };
            db.CorrectionRequests.Add(correction);
            records.Corrections[child] = correction.Id;
            var erasure = new Core.DataRights.ErasureRequest
            {
                ChildId = conversation.ChildId, AreaId = owner.AreaId, Reason = "Opened for the wrong child", RequestedByUserId = raisedBy, RequestedByName = "Parent",
                RequestedAt = now, DueOn = today.AddMonths(1),
            };
            db.ErasureRequests.Add(erasure);
            records.Erasures[child] = erasure.Id;

            // A plan written by the key worker's organisation (Sam's school writes his SEN support plan, the council
            // Jordan's EHC plan), shared with the family, who suggested a change to its one need.
            var plan = new SupportPlan
            {
                ChildId = records.Children[child], AreaId = owner.AreaId, Kind = PermissionMatrixTests.PlanWriters[child] == OrganisationKind.School ? PlanKind.SenSupport : PlanKind.Ehc,
                OrganisationId = owner.Professional.OrganisationId, OrganisationName = owner.Professional.Organisation.Name,
                AuthorUserId = owner.Professional.UserAccountId, AuthorName = "Key worker", CreatedAt = now,
            };
            var need = new PlanLine { PlanId = plan.Id, ChildId = plan.ChildId, Kind = PlanLineKind.Need, Part = RecordArea.Education, Position = 1, Text = "Finds busy rooms hard" };
            plan.Lines.Add(need);
            plan.Share(now);
            var planSuggestion = new PlanResponse
            {
                PlanId = plan.Id, ChildId = plan.ChildId, LineId = need.Id, LineRevision = need.Revision, PlanNumber = plan.Number, Answer = PlanAnswer.SuggestChange,
                Words = "Finds busy, noisy rooms hard", ByUserId = raisedBy, ByName = "Parent", At = now,
            };
            db.SupportPlans.Add(plan);
            db.PlanResponses.Add(planSuggestion);
            records.Plans[child] = plan.Id;
            records.PlanLines[child] = need.Id;
            records.PlanResponses[child] = planSuggestion.Id;

            // A report the family added to the Education part.
            var document = new Core.Documents.Document
            {
                ChildId = records.Children[child], AreaId = owner.AreaId, Part = RecordArea.Education, Title = "Reading assessment", FileName = "reading-assessment.pdf",
                Type = Core.Documents.DocumentType.Pdf, SizeBytes = 9, Sha256 = new string('0', 64), AddedByUserId = raisedBy, AddedByName = "Parent", AddedByFamily = true, AddedAt = now,
            };
            db.Documents.Add(document);
            db.DocumentContents.Add(new Core.Documents.DocumentContent { DocumentId = document.Id, Bytes = "%PDF-1.4\n"u8.ToArray() });
            records.Documents[child] = document.Id;

            // Advice about Education asked of the key worker.
            var advice = new Core.Advice.AdviceRequest
            {
                ChildId = records.Children[child], AreaId = owner.AreaId, Part = RecordArea.Education, About = "Reading", AdviserTeamMemberId = owner.Id,
                AdviserUserId = owner.Professional.UserAccountId, AdviserName = "Key worker", AdviserOrganisationName = owner.Professional.Organisation.Name,
                AskedByUserId = owner.Professional.UserAccountId, AskedByName = "Key worker", AskedByOrganisationName = owner.Professional.Organisation.Name,
                AskedAt = now, DueOn = DateOnly.FromDateTime(now).AddDays(14),
            };
            db.AdviceRequests.Add(advice);
            records.AdviceRequests[child] = advice.Id;

            // Advice about Education given by the key worker, with a recommendation the prepared plan does not adopt.
            var given = new Core.Advice.AdviceRequest
            {
                ChildId = records.Children[child], AreaId = owner.AreaId, Part = RecordArea.Education, About = "Handwriting", AdviserTeamMemberId = owner.Id,
                AdviserUserId = owner.Professional.UserAccountId, AdviserName = "Key worker", AdviserOrganisationName = owner.Professional.Organisation.Name,
                AskedByUserId = owner.Professional.UserAccountId, AskedByName = "Key worker", AskedByOrganisationName = owner.Professional.Organisation.Name,
                AskedAt = now, DueOn = DateOnly.FromDateTime(now).AddDays(14),
            };
            given.Give("Handwriting is slow and tiring", null, ["A laptop for longer writing"], now);
            db.AdviceRequests.Add(given);
            var answer = new Core.Advice.RecommendationAnswer
            {
                PlanId = plan.Id, RecommendationId = given.Recommendations[0].Id, RequestId = given.Id, ChildId = given.ChildId,
                AnsweredByUserId = owner.Professional.UserAccountId, AnsweredByName = "Key worker", AnsweredAt = now,
            };
            answer.Answer(false, null, "Trying a writing slope first", owner.Professional.UserAccountId, "Key worker", now);
            db.RecommendationAnswers.Add(answer);
            records.GivenAdvice[child] = given.Id;
            records.RecommendationAnswers[child] = answer.Id;

            var coverPlace = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.UserAccount).SingleOrDefaultAsync(t => t.Id == coverPlaces[child])
                ?? db.TeamMembers.Local.Single(t => t.Id == coverPlaces[child]);
            var cover = new Cover
            {
                ChildId = records.Children[child], AreaId = owner.AreaId, KeyWorkerPlaceId = owner.Id, KeyWorkerProfessionalId = owner.ProfessionalId,
                KeyWorkerUserId = owner.Professional.UserAccountId, KeyWorkerName = owner.Professional.UserAccount.DisplayName,
                CoverPlaceId = coverPlace.Id, CoverProfessionalId = coverPlace.ProfessionalId, CoverUserId = coverPlace.ProfessionalId == socialWorker.Id ? socialWorker.UserAccountId : coverPlace.Professional!.UserAccountId,
                CoverName = "Cover", From = today, Until = today.AddDays(7), SetByUserId = owner.Professional.UserAccountId, SetByName = "Key worker", SetAt = now,
            };
            db.Covers.Add(cover);
            records.Covers[child] = cover.Id;
        }

        // Ruth, who leads the council's SEND team and has no place on Sam's team, reads his record under emergency access.
        var ruth = await db.Professionals.Include(p => p.Organisation).SingleAsync(p => p.UserAccount!.Email == "send.lead@example.org");
        db.EmergencyAccesses.Add(new EmergencyAccess
        {
            ChildId = records.Children["Samuel"], AreaId = ruth.AreaId, UserAccountId = ruth.UserAccountId, Name = "Ruth Adeyemi", OrganisationId = ruth.OrganisationId,
            OrganisationName = ruth.Organisation!.Name, Reason = "A safeguarding emergency that cannot wait", From = now, Until = now.AddHours(24),
        });

        await db.SaveChangesAsync();
        await DeliveryTotals.RecountAsync(db, db.Commitments);
        return records;
    }
}

public sealed class PermissionMatrixTests(PermissionFixture fixture) : IClassFixture<PermissionFixture>
{
    internal static readonly IReadOnlyList<PermissionRow> Rows = JsonSerializer.Deserialize<PermissionFile>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "permissions.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Endpoints;

    internal sealed record PermissionFile(List<PermissionRow> Endpoints);

    private static readonly RecordArea[] Everything = Enum.GetValues<RecordArea>();

    /// <summary>Who each person is to each child and which areas they see, stated here independently of the app.</summary>
    public static readonly (string Email, string Child, ChildRelationship Relationship, RecordArea[] Shared)[] People =
    [
        ("parent@example.org", "Samuel", new(RelationshipKind.ParentCarer), Everything),
        ("senco@example.org", "Samuel", new(RelationshipKind.TeamMember, IsKeyWorker: true, OrganisationKind: OrganisationKind.School), [RecordArea.AboutMe, RecordArea.Education, RecordArea.Health, RecordArea.Commitments, RecordArea.Meetings, RecordArea.Concerns]),
        ("therapist@example.org", "Samuel", new(RelationshipKind.TeamMember, OrganisationKind: OrganisationKind.Health), [RecordArea.AboutMe, RecordArea.Health, RecordArea.Commitments]),
        ("transport@example.org", "Samuel", new(RelationshipKind.TeamMember, OrganisationKind: OrganisationKind.Transport), []),
        ("caseworker@example.org", "Samuel", new(RelationshipKind.TeamMember, OrganisationKind: OrganisationKind.LocalAuthority), []),
        ("social.worker@example.org", "Samuel", new(RelationshipKind.TeamMember, OrganisationKind: OrganisationKind.SocialCare), [RecordArea.Commitments, RecordArea.Concerns, RecordArea.Meetings, RecordArea.SocialCare]),
        ("send.lead@example.org", "Samuel", new(RelationshipKind.EmergencyReader, OrganisationKind: OrganisationKind.LocalAuthority), Everything),
        ("send.lead@example.org", "Jordan", ChildRelationship.None, []),
        ("orgadmin@example.org", "Samuel", ChildRelationship.None, []),
        ("other.area@example.org", "Samuel", ChildRelationship.None, []),
        ("admin@example.org", "Samuel", ChildRelationship.None, []),
        ("youngperson@example.org", "Samuel", ChildRelationship.None, []),
        ("youngperson@example.org", "Jordan", new(RelationshipKind.YoungPerson, YoungPersonDecides: true), Everything),
        ("dee.reid@example.org", "Jordan", new(RelationshipKind.ParentCarer, YoungPersonDecides: true), [RecordArea.Education]),
        ("caseworker@example.org", "Jordan", new(RelationshipKind.TeamMember, IsKeyWorker: true, OrganisationKind: OrganisationKind.LocalAuthority), [RecordArea.AboutMe, RecordArea.Education, RecordArea.StatutoryProcess]),
    ];

    public static TheoryData<string> PeopleWhoMayPost() => new(People
        .Where(p => Rows.Any(r => r.Access == "child" && r.Methods.Contains("POST") && Expected(r, p.Relationship, p.Shared, p.Child, "POST") == HttpStatusCode.OK))
        .Select(p => $"{p.Email} {p.Child}")
        .Distinct());

    [Fact]
    public void Every_endpoint_is_in_the_permission_file_and_every_row_is_an_endpoint()
    {
        var routes = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToHashSet();
        var listed = Rows.Select(r => r.Route).ToHashSet();

        Assert.True(routes.Except(listed).Order().ToList() is { Count: 0 }, $"Endpoints missing from permissions.json: {string.Join(", ", routes.Except(listed).Order())}");
        Assert.True(listed.Except(routes).Order().ToList() is { Count: 0 }, $"Rows in permissions.json with no endpoint: {string.Join(", ", listed.Except(routes).Order())}");
    }

    [Fact]
    public async Task Every_child_page_allows_and_refuses_exactly_as_the_file_says_for_every_relationship()
    {
        var mismatches = new List<string>();
        foreach (var (email, child, relationship, shared) in People)
        {
            var client = fixture.App.NewClient();
            await client.SignInAsync(email);
            foreach (var row in Rows.Where(r => r.Access == "child" && r.Methods.Contains("GET")))
            {
                var expected = Expected(row, relationship, shared, child);
                var actual = (await client.GetAsync(fixture.Records.Url(row, child))).StatusCode;
                if (actual != expected)
                {
                    mismatches.Add($"{email} on {child}'s {row.Route}: expected {(int)expected}, got {(int)actual}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public async Task Every_child_form_refuses_exactly_as_the_file_says_and_a_refusal_changes_nothing()
    {
        var mismatches = new List<string>();
        var changesBefore = await fixture.App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.EntityType == "Child"));
        foreach (var (email, child, relationship, shared) in People)
        {
            var client = fixture.App.NewClient();
            await client.SignInAsync(email);
            var token = await TokenAsync(client);
            foreach (var row in Rows.Where(r => r.Access == "child" && r.Methods.Contains("POST")))
            {
                var expected = Expected(row, relationship, shared, child, "POST");
                if (expected == HttpStatusCode.OK)
                {
                    continue;
                }

                var actual = (await PostAsync(client, fixture.Records.Url(row, child, "POST"), token)).StatusCode;
                if (actual != expected)
                {
                    mismatches.Add($"POST by {email} to {child}'s {row.Route}: expected {(int)expected}, got {(int)actual}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        Assert.Equal(changesBefore, await fixture.App.QueryAsync(db => db.AuditEvents.CountAsync(a => a.EntityType == "Child")));
    }

    /// <summary>
    /// Every form the file allows a person is let through to its own checks (it may then ask for what is missing), never
    /// refused. Each person gets a fresh copy of the demo, since an allowed form changes things; taking someone off
    /// the team comes last.
    /// </summary>
    [Theory]
    [MemberData(nameof(PeopleWhoMayPost))]
    public async Task Every_child_form_the_file_allows_is_let_through(string person)
    {
        var (email, child, relationship, shared) = People.Single(p => $"{p.Email} {p.Child}" == person);
        await using var app = new AppFactory();
        await app.InitializeAsync();
        var records = await PermissionRecords.PrepareAsync(app);
        var client = app.NewClient();
        await client.SignInAsync(email);
        var token = await TokenAsync(client);
        var mismatches = new List<string>();
        foreach (var row in Rows.Where(r => r.Access == "child" && r.Methods.Contains("POST") && Expected(r, relationship, shared, child, "POST") == HttpStatusCode.OK).OrderBy(UsesUpItsRecord))
        {
            var response = await PostAsync(client, records.Url(row, child, "POST"), token);
            var actual = response.StatusCode;
            // 400 is fine when it is the form asking for what was left out, not a refusal.
            var askedForInput = actual == HttpStatusCode.BadRequest && (await Browse.ParseAsync(response)).ErrorSummary().Count > 0;
            if (actual is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || (actual == HttpStatusCode.BadRequest && !askedForInput) || (int)actual >= 500)
            {
                mismatches.Add($"POST by {email} to {child}'s {row.Route}: expected it let through, got {(int)actual}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    /// <summary>Taking someone off the team uses up the team member the other forms act on, so it goes last.</summary>
    private static bool UsesUpItsRecord(PermissionRow row) => row.Route.EndsWith("/remove", StringComparison.Ordinal);

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var (_, page) = await client.OpenAsync("/account");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string token) =>
        client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

    /// <summary>Who writes each child's prepared plan: Sam's school, and the council for Jordan.</summary>
    internal static readonly Dictionary<string, OrganisationKind> PlanWriters = new() { ["Samuel"] = OrganisationKind.School, ["Jordan"] = OrganisationKind.LocalAuthority };

    internal static HttpStatusCode Expected(PermissionRow row, ChildRelationship relationship, RecordArea[] shared, string? child = null, string method = "GET")
    {
        if (relationship.Kind == RelationshipKind.None)
        {
            return HttpStatusCode.NotFound;
        }

        // Emergency access is for reading only: every form on the record is refused.
        if (relationship.Kind == RelationshipKind.EmergencyReader && method != "GET")
        {
            return HttpStatusCode.Forbidden;
        }

        // Reading a conversation is reading the record; replying is raising a concern.
        if (method != "GET" && row.Route.EndsWith("/conversations/{conversationId:guid}", StringComparison.Ordinal) && !CapabilityMatrix.Allows(relationship, Capability.RaiseConcern))
        {
            return HttpStatusCode.Forbidden;
        }

        // Closing a record, or reopening it, is for the local authority on the team, which holds the record.
        if (row.Route.Contains("/close/", StringComparison.Ordinal)
            && !(relationship.Kind == RelationshipKind.TeamMember && relationship.OrganisationKind == Core.Organisations.OrganisationKind.LocalAuthority))
        {
            return HttpStatusCode.Forbidden;
        }

        // Erasing the record is between those who may ask for it (a parent carer, or only the young person once they
        // decide) and the local authority on the team, who answers; the rest of the family reads what is kept.
        if (row.Route.Contains("/erasure", StringComparison.Ordinal))
        {
            var mayAsk = relationship is { Kind: RelationshipKind.YoungPerson } or { Kind: RelationshipKind.ParentCarer, YoungPersonDecides: false };
            var answers = relationship is { Kind: RelationshipKind.TeamMember, OrganisationKind: Core.Organisations.OrganisationKind.LocalAuthority };
            var allowed = row.Route.Contains("{erasureId", StringComparison.Ordinal) ? mayAsk || answers
                : method == "GET" ? relationship.IsFamily || answers
                : mayAsk;
            return allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        }

        var rightRelationship = row.Relationship switch
        {
            "team" => relationship.Kind == RelationshipKind.TeamMember,
            "young-person" => relationship is { Kind: RelationshipKind.YoungPerson, YoungPersonDecides: true },
            "family" => relationship.IsFamily,
            _ => true,
        };
        var capability = Enum.Parse<Capability>(row.Capability!);
        var areaAllowed = row.Area is null || shared.Contains(Enum.Parse<RecordArea>(row.Area));
        if (!(CapabilityMatrix.Allows(relationship, capability) && areaAllowed))
        {
            return HttpStatusCode.Forbidden;
        }

        // A step on a prepared plan is only for staff of the kind of organisation that writes it.
        if (child is not null && capability == Capability.WritePlan && row.Route.Contains("{planId", StringComparison.Ordinal)
            && relationship.OrganisationKind != PlanWriters[child])
        {
            return HttpStatusCode.Forbidden;
        }

        // Then the item: one that also belongs to a part of the record the person is not shared is not found, as if it
        // were not there; only an item they may see is refused for who they are to it.
        if (ItemPart(row) is { } part && !shared.Contains(part))
        {
            return HttpStatusCode.NotFound;
        }

        return rightRelationship ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
    }

    /// <summary>The further part of the record the prepared item a row acts on belongs to: the commitment is about health, the concern about education.</summary>
    private static RecordArea? ItemPart(PermissionRow row) =>
        row.Route.Contains("{commitmentId", StringComparison.Ordinal) ? RecordArea.Health
        : row.Route.Contains("{correctionId", StringComparison.Ordinal) || row.Route.Contains("{subjectId", StringComparison.Ordinal) ? RecordArea.Concerns
        : row.Route.Contains("{concernId", StringComparison.Ordinal) ? RecordArea.Education
        : row.Route.Contains("{documentId", StringComparison.Ordinal) || row.Route.Contains("{requestId", StringComparison.Ordinal)
            || row.Route.Contains("{answerId", StringComparison.Ordinal) ? RecordArea.Education
        : null;

    [Theory]
    [InlineData("parent@example.org", "/children", HttpStatusCode.OK)]
    [InlineData("therapist@example.org", "/children", HttpStatusCode.OK)]
    [InlineData("admin@example.org", "/children", HttpStatusCode.Forbidden)]
    [InlineData("parent@example.org", "/children/add", HttpStatusCode.OK)]
    [InlineData("senco@example.org", "/children/add", HttpStatusCode.Redirect)]
    [InlineData("senco@example.org", "/what-i-owe", HttpStatusCode.OK)]
    [InlineData("parent@example.org", "/what-i-owe", HttpStatusCode.Redirect)]
    [InlineData("orgadmin@example.org", "/organisation/commitments", HttpStatusCode.OK)]
    [InlineData("orgadmin@example.org", "/organisation/language", HttpStatusCode.OK)]
    [InlineData("orgadmin@example.org", "/organisation/listening", HttpStatusCode.OK)]
    [InlineData("senco@example.org", "/organisation/listening", HttpStatusCode.Redirect)]
    [InlineData("orgadmin@example.org", "/organisation/term-dates", HttpStatusCode.OK)]
    [InlineData("orgadmin@example.org", "/organisation/concerns", HttpStatusCode.OK)]
    [InlineData("senco@example.org", "/organisation/concerns", HttpStatusCode.Redirect)]
    [InlineData("orgadmin@example.org", "/organisation/response-standard", HttpStatusCode.OK)]
    [InlineData("senco@example.org", "/organisation/response-standard", HttpStatusCode.Redirect)]
    [InlineData("parent@example.org", "/notifications", HttpStatusCode.OK)]
    [InlineData("senco@example.org", "/attention", HttpStatusCode.OK)]
    [InlineData("parent@example.org", "/attention", HttpStatusCode.Redirect)]
    [InlineData("orgadmin@example.org", "/organisation/attention-thresholds", HttpStatusCode.OK)]
    [InlineData("senco@example.org", "/account/notifications", HttpStatusCode.OK)]
    [InlineData("senco@example.org", "/organisation/term-dates", HttpStatusCode.Redirect)]
    public async Task Lists_of_children_follow_their_rows(string email, string url, HttpStatusCode expected)
    {
        var client = fixture.App.NewClient();
        await client.SignInAsync(email);
        Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
    }
}
