namespace CommonGround.Core.Organisations;

public enum OrganisationKind
{
    LocalAuthority,
    School,
    EarlyYears,
    College,
    Health,
    SocialCare,
    Transport,
    Voluntary,
}

public static class OrganisationKindText
{
    public static string ToDisplayName(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.LocalAuthority => "Local authority",
        OrganisationKind.School => "School",
        OrganisationKind.EarlyYears => "Early years setting",
        OrganisationKind.College => "College",
        OrganisationKind.Health => "Health (NHS)",
        OrganisationKind.SocialCare => "Social care",
        OrganisationKind.Transport => "Transport",
        OrganisationKind.Voluntary => "Voluntary or community organisation",
        _ => kind.ToString(),
    };
}
