namespace CommonGround.Core.Language;

/// <summary>The kinds of wording the respectful-language advisor looks for.</summary>
public enum LanguageCategory
{
    /// <summary>A label for a parent or family ("difficult parent", "those parents").</summary>
    FamilyLabel,
    /// <summary>Blame aimed at a family for a disagreement or a gap ("in denial", "refuses to engage").</summary>
    FamilyBlame,
    /// <summary>Deficit or blaming words about a child ("naughty", "attention-seeking").</summary>
    ChildDeficit,
    /// <summary>Outdated or tragic framing of disability ("suffers from", "wheelchair-bound").</summary>
    Disability,
    /// <summary>A label for a person, adult or child, where the words do not say which ("a troublemaker", "a liar").</summary>
    PersonLabel,
}

public static class LanguageCategoryText
{
    public static string ToDisplayName(this LanguageCategory category) => category switch
    {
        LanguageCategory.FamilyLabel => "Labels a parent or family",
        LanguageCategory.FamilyBlame => "Blames a parent or family",
        LanguageCategory.ChildDeficit => "Blames or judges a child",
        LanguageCategory.Disability => "Outdated words about disability",
        LanguageCategory.PersonLabel => "Labels a person",
        _ => category.ToString(),
    };

    /// <summary>The category as the API names it, e.g. <c>family-label</c>.</summary>
    public static string Slug(this LanguageCategory category) => category switch
    {
        LanguageCategory.FamilyLabel => "family-label",
        LanguageCategory.FamilyBlame => "family-blame",
        LanguageCategory.ChildDeficit => "child-deficit",
        LanguageCategory.Disability => "disability",
        LanguageCategory.PersonLabel => "person-label",
        _ => category.ToString().ToLowerInvariant(),
    };

    /// <summary>The category an API slug such as <c>family-label</c> names, or null for none.</summary>
    public static LanguageCategory? FromSlug(string slug) =>
        Enum.GetValues<LanguageCategory>().Cast<LanguageCategory?>().FirstOrDefault(c => c!.Value.Slug() == slug);

    /// <summary>Why wording of this kind harms partnership, for a sentence that reads as it as a whole.</summary>
    public static string Explanation(this LanguageCategory category) => category switch
    {
        LanguageCategory.FamilyLabel => "This sentence reads as a label for the family: how the writer saw them rather than what happened. It follows them into every meeting.",
        LanguageCategory.FamilyBlame => "This sentence reads as blame: it puts a disagreement or a gap in support down to the family, and hides what they asked for and why.",
        LanguageCategory.ChildDeficit => "This sentence reads as a verdict on the child. Behaviour is often how a child tells us a need is not met.",
        LanguageCategory.Disability => "This sentence reads as disability framed as a tragedy or a lack. Many disabled people and families find that hurtful.",
        LanguageCategory.PersonLabel => "This sentence reads as a label for a person rather than a record of what they did and said.",
        _ => "This sentence may read as a label or as blame.",
    };

    /// <summary>What to write instead, for a sentence that reads as this kind of wording as a whole.</summary>
    public static string Suggestion(this LanguageCategory category) => category switch
    {
        LanguageCategory.ChildDeficit => "Describe what the child did, what happened just before and what helps.",
        LanguageCategory.Disability => "Name the person first and say what they need, for example \"uses a wheelchair\" or \"has epilepsy\".",
        _ => "Describe what happened and what the person said or asked for, in their words where you can.",
    };
}
