using System.Text.Json;
using CommonGround.Core.Commitments;

namespace CommonGround.Core.Meetings;

/// <summary>Everything the record says at one moment, kept as a version so what the family agreed can always be read again.</summary>
public sealed record MeetingRecordContent(
    string? FamilyViews,
    bool FamilyViewsByFamily,
    string? FamilyViewsWrittenByName,
    string? ChildViews,
    string? Decisions,
    string? OthersPresent,
    IReadOnlyList<string> Attended,
    IReadOnlyList<string> Absent,
    IReadOnlyList<AgendaNote> AgendaNotes,
    IReadOnlyList<ActionSummary> Actions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static MeetingRecordContent Of(Meeting meeting, IEnumerable<Commitment> actions) => new(
        meeting.FamilyViews,
        meeting.FamilyViewsByFamily,
        meeting.FamilyViewsWrittenByName,
        meeting.ChildViews,
        meeting.Decisions,
        meeting.OthersPresent,
        meeting.Invitees.Where(i => i.Attended == true).Select(i => i.Name).ToList(),
        meeting.Invitees.Where(i => i.Attended == false).Select(i => i.Name).ToList(),
        meeting.OrderedAgenda().Select(a => new AgendaNote(a.Title, a.AddedByName, a.AddedByFamily, a.Notes)).ToList(),
        actions.OrderBy(c => c.CreatedAt).Select(c => new ActionSummary(c.What, c.OwnerName, c.OwnerOrganisationName, c.DueDate, c.RecordArea)).ToList());

    /// <summary>Actions about a part of the record the reader is not shared (health, say) are left out, and counted.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ActionsNotShown { get; init; }

    public MeetingRecordContent ShownTo(Access.ChildAccess access)
    {
        var shown = Actions.Where(a => a.Area?.AlsoBelongsTo() is not { } part || access.CanSee(part)).ToList();
        return this with { Actions = shown, ActionsNotShown = Actions.Count - shown.Count };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MeetingRecordContent FromJson(string json) => JsonSerializer.Deserialize<MeetingRecordContent>(json, Json)!;
}

public sealed record AgendaNote(string Title, string AddedByName, bool AddedByFamily, string? Notes);

/// <summary>An action as the record says it; <paramref name="Area"/> is missing from versions kept before actions carried it.</summary>
public sealed record ActionSummary(string What, string OwnerName, string OwnerOrganisationName, DateOnly? DueDate, CommitmentArea? Area = null);
