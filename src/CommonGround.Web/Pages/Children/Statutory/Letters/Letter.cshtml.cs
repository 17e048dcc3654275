using CommonGround.Core.Children;
using CommonGround.Core.Access;
using CommonGround.Core.Data;
using CommonGround.Core.Statutory;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Children.Statutory.Letters;

/// <summary>A letter for the family, filled from the record: shown to print, or downloaded as a Word document.</summary>
[ChildPage(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess)]
public sealed class LetterModel(StatutoryService statutory, CurrentUser currentUser, CommonGroundDbContext db, TimeProvider time) : ChildPageBase(currentUser)
{
    public Letter Letter { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    public string DownloadUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid childId, string letter, Guid? processId, string? deadline) =>
        await BuildAsync(childId, letter, processId, deadline) ?? Page();

    public async Task<IActionResult> OnGetDocxAsync(Guid childId, string letter, Guid? processId, string? deadline) =>
        await BuildAsync(childId, letter, processId, deadline) ?? File(WordDocument.Write(Letter, Today), WordDocument.ContentType, Letter.FileName);

    private async Task<IActionResult?> BuildAsync(Guid childId, string slug, Guid? processId, string? deadline)
    {
        if (!Access.IsFamily)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (StatutoryLetters.FromSlug(slug) is not { } kind)
        {
            return NotFound();
        }

        Today = time.TodayInUk();
        var child = Access.Child;
        var areaName = await db.Areas.Where(a => a.Id == child.AreaId).Select(a => a.Name).SingleAsync();
        var facts = new LetterFacts(child.FullName, child.DateOfBirth, (await CurrentUser.ActorAsync()).Name, areaName, Today);
        if (kind == LetterKind.ChaseMissedDeadline)
        {
            var process = processId is { } id ? await statutory.FindAsync(childId, id) : null;
            var missed = process is null ? null : statutory.Progress(process, child.DateOfBirth).Deadlines
                .FirstOrDefault(d => d.Id == deadline && d.IsFailureFor(DeadlineActor.Family));
            if (missed is null)
            {
                // Only someone else's duty, missed or done late, is asked about: never the family's own window.
                return NotFound();
            }

            facts = facts with { Missed = missed, Happened = process!.ProgressEvents() };
        }
        else if (kind == LetterKind.MediationCertificate)
        {
            facts = facts with
            {
                DecisionSent = (await statutory.ListAsync(childId)).Where(p => p.Kind == StatutoryProcessKind.MediationAndAppeal)
                    .Select(p => p.Latest(StatutoryEventKind.DecisionSent)?.OccurredOn).FirstOrDefault(d => d is not null),
            };
        }

        Letter = StatutoryLetters.Write(kind, facts, StatutoryService.Timescales);
        DownloadUrl = $"{ChildLinks.StatutoryLetter(childId, slug)}?handler=docx" + (processId is null ? "" : $"&processId={processId}&deadline={Uri.EscapeDataString(deadline ?? "")}");
        return null;
    }
}
