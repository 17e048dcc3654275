using CommonGround.Core.Access;

namespace CommonGround.Core.Profiles;

/// <summary>The sections of the family's "About me" profile, in the order they are shown.</summary>
public enum ProfileSectionKind
{
    AboutMe,
    Strengths,
    WhatMatters,
    HowToSupportMe,
    HowICommunicate,
    HealthAndMedical,
    WhatDoesNotWork,
    ImportantPeople,
    GettingToSchool,
    FamilyStory,
}

public static class ProfileSections
{
    public static IReadOnlyList<ProfileSectionKind> All { get; } = Enum.GetValues<ProfileSectionKind>();

    public static string Title(this ProfileSectionKind section) => section switch
    {
        ProfileSectionKind.AboutMe => "About me",
        ProfileSectionKind.Strengths => "My strengths and what people like about me",
        ProfileSectionKind.WhatMatters => "What is important to me",
        ProfileSectionKind.HowToSupportMe => "How best to support me",
        ProfileSectionKind.HowICommunicate => "How I communicate",
        ProfileSectionKind.HealthAndMedical => "Health and medical needs",
        ProfileSectionKind.WhatDoesNotWork => "What doesn't work for me and what upsets me",
        ProfileSectionKind.ImportantPeople => "Important people",
        ProfileSectionKind.GettingToSchool => "Getting to school and transport needs",
        ProfileSectionKind.FamilyStory => "Our family's story",
        _ => section.ToString(),
    };

    /// <summary>A prompt to help the family start writing, in the child's voice where that fits.</summary>
    public static string Prompt(this ProfileSectionKind section) => section switch
    {
        ProfileSectionKind.AboutMe => "Who I am, what I like doing, and anything people should know first",
        ProfileSectionKind.Strengths => "What I am good at and what people say they like about me",
        ProfileSectionKind.WhatMatters => "The people, things and routines that matter most to me",
        ProfileSectionKind.HowToSupportMe => "What helps me learn, feel safe and join in",
        ProfileSectionKind.HowICommunicate => "How I tell you things, and how to talk with me",
        ProfileSectionKind.HealthAndMedical => "Conditions, medicines, allergies and what to do in an emergency",
        ProfileSectionKind.WhatDoesNotWork => "What upsets me, what to avoid, and the signs I am finding things hard",
        ProfileSectionKind.ImportantPeople => "Family, friends and professionals who matter to me",
        ProfileSectionKind.GettingToSchool => "How I travel, what helps on the journey, and what an escort needs to know",
        ProfileSectionKind.FamilyStory => "Our story so far, in our own words, so we do not have to tell it again",
        _ => "",
    };

    /// <summary>Health and transport sections are shared with the Health and Transport areas; the rest with About me.</summary>
    public static RecordArea Area(this ProfileSectionKind section) => section switch
    {
        ProfileSectionKind.HealthAndMedical => RecordArea.Health,
        ProfileSectionKind.GettingToSchool => RecordArea.Transport,
        _ => RecordArea.AboutMe,
    };

    public static string Slug(this ProfileSectionKind section) => section switch
    {
        ProfileSectionKind.AboutMe => "about-me",
        ProfileSectionKind.Strengths => "strengths",
        ProfileSectionKind.WhatMatters => "what-matters",
        ProfileSectionKind.HowToSupportMe => "how-to-support-me",
        ProfileSectionKind.HowICommunicate => "how-i-communicate",
        ProfileSectionKind.HealthAndMedical => "health-and-medical",
        ProfileSectionKind.WhatDoesNotWork => "what-does-not-work",
        ProfileSectionKind.ImportantPeople => "important-people",
        ProfileSectionKind.GettingToSchool => "getting-to-school",
        ProfileSectionKind.FamilyStory => "family-story",
        _ => section.ToString().ToLowerInvariant(),
    };

    public static ProfileSectionKind? FromSlug(string? slug) =>
        All.Cast<ProfileSectionKind?>().FirstOrDefault(s => s!.Value.Slug() == slug);
}
