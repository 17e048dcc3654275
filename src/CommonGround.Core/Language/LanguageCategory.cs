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
}

public static class LanguageCategoryText
{
    public static string ToDisplayName(this LanguageCategory category) => category switch
    {
        LanguageCategory.FamilyLabel => "Labels a parent or family",
        LanguageCategory.FamilyBlame => "Blames a parent or family",
        LanguageCategory.ChildDeficit => "Blames or judges a child",
        LanguageCategory.Disability => "Outdated words about disability",
        _ => category.ToString(),
    };

    /// <summary>The category as the API names it, e.g. <c>family-label</c>.</summary>
    public static string Slug(this LanguageCategory category) => category switch
    {
        LanguageCategory.FamilyLabel => "family-label",
        LanguageCategory.FamilyBlame => "family-blame",
        LanguageCategory.ChildDeficit => "child-deficit",
        LanguageCategory.Disability => "disability",
        _ => category.ToString().ToLowerInvariant(),
    };
}
