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
}
