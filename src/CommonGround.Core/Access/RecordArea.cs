namespace CommonGround.Core.Access;

/// <summary>The parts of a child's record a family can share separately.</summary>
public enum RecordArea
{
    AboutMe,
    Health,
    Education,
    SocialCare,
    Transport,
    Commitments,
    Meetings,
    Concerns,
    StatutoryProcess,
}

public static class RecordAreaText
{
    public static string ToDisplayName(this RecordArea area) => area switch
    {
        RecordArea.AboutMe => "About me",
        RecordArea.Health => "Health",
        RecordArea.Education => "Education",
        RecordArea.SocialCare => "Social care",
        RecordArea.Transport => "Transport",
        RecordArea.Commitments => "Commitments",
        RecordArea.Meetings => "Meetings",
        RecordArea.Concerns => "Concerns",
        RecordArea.StatutoryProcess => "Statutory process",
        _ => area.ToString(),
    };

    /// <summary>The area as it appears in an address, e.g. <c>social-care</c>.</summary>
    public static string Slug(this RecordArea area) => area.ToDisplayName().ToLowerInvariant().Replace(' ', '-');

    public static RecordArea? FromSlug(string? slug) =>
        Enum.GetValues<RecordArea>().Cast<RecordArea?>().FirstOrDefault(a => a!.Value.Slug() == slug);
}

public static class RecordAreas
{
    /// <summary>Every area, in the order people see them.</summary>
    public static IReadOnlySet<RecordArea> All { get; } = new SortedSet<RecordArea>(Enum.GetValues<RecordArea>());

    /// <summary>A set of areas as one stored value, e.g. <c>AboutMe,Health</c>.</summary>
    public static string Format(IEnumerable<RecordArea> areas) => string.Join(',', areas.Distinct().Order());

    public static IReadOnlyList<RecordArea> Parse(string? areas) =>
        (areas ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<RecordArea>).ToList();

    /// <summary>Areas as people read them, e.g. "About me, Health".</summary>
    public static string Describe(IEnumerable<RecordArea> areas) => string.Join(", ", areas.Order().Select(a => a.ToDisplayName()));
}
