using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.CheckYourDates;

/// <summary>
/// A letter filled in from the dates someone entered in "Check your dates", to print or download as a Word document,
/// with no account and nothing kept. A letter about a missed date is only for a date someone else missed.
/// </summary>
[AllowAnonymous]
public sealed class LetterModel(TimeProvider time) : CalculatorPageBase(time)
{
    public Letter Letter { get; private set; } = default!;

    public string DownloadUrl { get; private set; } = "";

    public string BackUrl { get; private set; } = "";

    public IActionResult OnGet(string process, string letter, string? deadline, string? download)
    {
        if (!Load(process) || StatutoryLetters.FromSlug(letter) is not { } kind)
        {
            return NotFound();
        }

        var facts = new LetterFacts(null, null, null, null, Today);
        // Asking for an assessment needs nothing entered; every other letter is filled from the dates given.
        if (kind != LetterKind.AskForAssessment)
        {
            if (ReadAnswer() is not { } answer)
            {
                return NotFound();
            }

            if (kind == LetterKind.ChaseMissedDeadline)
            {
                if (Progress?.Deadlines.FirstOrDefault(d => d.Id == deadline && d.IsFailureFor(DeadlineActor.Family)) is not { } missed)
                {
                    return NotFound();
                }

                facts = facts with { Missed = missed, Happened = answer.Progress?.Events ?? [] };
            }
            else if (kind == LetterKind.MediationCertificate)
            {
                facts = facts with { DecisionSent = Question.Facts.Any(f => f.Name == "decisionSent") ? FactDate("decisionSent") : null };
            }
        }

        Letter = StatutoryLetters.Write(kind, facts, Timescales.England);
        if (download == "docx")
        {
            return File(WordDocument.Write(Letter, Today), WordDocument.ContentType, Letter.FileName);
        }

        var query = Request.QueryString.Value ?? "";
        DownloadUrl = $"{Request.Path}{query}{(query.Length == 0 ? "?" : "&")}download=docx";
        BackUrl = kind == LetterKind.AskForAssessment ? "/check-your-dates" : $"/check-your-dates/{process}/check{RemoveLetterParts(query)}";
        return Page();
    }

    private DateOnly? FactDate(string name)
    {
        var fact = Question.Facts.Single(f => f.Name == name);
        return Dates[DateIndex(fact)].Read(fact.CapitalisedLabel).Date;
    }

    private static string RemoveLetterParts(string query) =>
        string.Join('&', query.TrimStart('?').Split('&').Where(p => !p.StartsWith("deadline=", StringComparison.Ordinal) && !p.StartsWith("download=", StringComparison.Ordinal))) is { Length: > 0 } rest ? "?" + rest : "";
}
