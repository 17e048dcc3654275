namespace CommonGround.Core.Language;

/// <summary>One phrase the advisor suggests rewording: where it is in the text, why it harms partnership and what to write instead.</summary>
public sealed record LanguageFinding(int Start, int Length, string Phrase, LanguageCategory Category, string Explanation, string Suggestion);
