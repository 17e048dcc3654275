using System.Text.RegularExpressions;

namespace CommonGround.Core.Plans;

/// <summary>A prompt to make a provision line specific: what was found, and what to write instead.</summary>
public sealed record ProvisionPrompt(string Found, string Suggestion);

/// <summary>
/// Finds provision that would leave a family unable to tell whether it happened. The SEND Code of Practice (9.69) says
/// provision "must be detailed and specific and should normally be quantified"; these are the words and gaps that most
/// often make it neither.
/// </summary>
public static partial class ProvisionWording
{
    private static readonly (Regex Pattern, string Suggestion)[] VagueWords =
    [
        (AccessTo(), "Say what the child will get, not what they will have access to: for example \"2 sessions a week with a speech and language therapist\"."),
        (Opportunities(), "Say what will happen and how often, not that there will be opportunities: for example \"a social skills group for 30 minutes twice a week\"."),
        (AsRequired(), "Say how much and how often. \"As required\" leaves it to someone else to decide whether it happens."),
        (Regular(), "Say how often: for example \"every Monday and Thursday\" or \"3 times a week\"."),
        (Where(), "Say what will happen. \"Where possible\" makes it optional; if it depends on something, say on what."),
        (UpTo(), "Say the amount the child will get. \"Up to\" promises nothing above zero."),
    ];

    /// <summary>What makes the line vague, if anything: its words, and any of who, how much and how often left out.</summary>
    public static IReadOnlyList<ProvisionPrompt> Check(string? what, bool hasProvider, bool hasAmount, bool hasFrequency)
    {
        var prompts = new List<ProvisionPrompt>();
        foreach (var (pattern, suggestion) in VagueWords)
        {
            if (pattern.Match(what ?? "") is { Success: true } match)
            {
                prompts.Add(new ProvisionPrompt($"\"{match.Value}\"", suggestion));
            }
        }

        if (!hasProvider)
        {
            prompts.Add(new ProvisionPrompt("No one provides it", "Choose who on the team will give this provision, so the family knows who to ask."));
        }

        if (!hasAmount || !hasFrequency)
        {
            prompts.Add(new ProvisionPrompt("No amount or frequency", "Say how much and how often, for example 2 sessions of 30 minutes a week."));
        }

        return prompts;
    }

    [GeneratedRegex(@"\b(have |has |given )?access to\b", RegexOptions.IgnoreCase)]
    private static partial Regex AccessTo();

    [GeneratedRegex(@"\bopportunit(y|ies) (for|to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Opportunities();

    [GeneratedRegex(@"\b(as|when|if) (required|needed|necessary|appropriate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsRequired();

    [GeneratedRegex(@"\b(regular|regularly)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Regular();

    [GeneratedRegex(@"\b(where|when|if) (possible|practicable|available)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Where();

    [GeneratedRegex(@"\bup to\b", RegexOptions.IgnoreCase)]
    private static partial Regex UpTo();
}
