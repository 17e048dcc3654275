using CommonGround.Core.Profiles;

namespace CommonGround.Core.Children;

/// <summary>
/// The address of every page about a child that a notification, an early warning, a calendar entry or another page
/// links to, built in one place. Addresses are paths; an email or a calendar entry puts the configured public address
/// in front. A test checks each against the routes of the pages.
/// </summary>
public static class ChildLinks
{
    public static string Overview(Guid childId) => $"/children/{childId}";

    public static string Team(Guid childId) => $"{Overview(childId)}/team";

    public static string AboutMe(Guid childId) => $"{Overview(childId)}/about-me";

    /// <summary>One About me section, on the About me page.</summary>
    public static string AboutMe(Guid childId, ProfileSectionKind section) => $"{AboutMe(childId)}#{section.Slug()}";

    public static string AboutMeSuggestions(Guid childId) => $"{AboutMe(childId)}/suggestions";

    public static string AboutMeSharing(Guid childId) => $"{AboutMe(childId)}/share";

    public static string AccessRequests(Guid childId) => $"{Overview(childId)}/access-requests";

    public static string Chronology(Guid childId) => $"{Overview(childId)}/chronology";

    public static string Concerns(Guid childId) => $"{Overview(childId)}/concerns";

    public static string Concern(Guid childId, Guid concernId) => $"{Concerns(childId)}/{concernId}";

    public static string Conversation(Guid childId, Guid conversationId) => $"{Overview(childId)}/conversations/{conversationId}";

    public static string Commitments(Guid childId) => $"{Overview(childId)}/commitments";

    public static string Commitment(Guid childId, Guid commitmentId) => $"{Commitments(childId)}/{commitmentId}";

    public static string Meeting(Guid childId, Guid meetingId) => $"{Overview(childId)}/meetings/{meetingId}";

    public static string StatutoryProcess(Guid childId, Guid processId) => $"{Overview(childId)}/statutory/{processId}";

    /// <summary>A letter about the statutory dates, named by its kind (for example "late-plan").</summary>
    public static string StatutoryLetter(Guid childId, string letter) => $"{Overview(childId)}/statutory/letters/{letter}";
}
