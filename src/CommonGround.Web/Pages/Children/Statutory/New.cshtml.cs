using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Statutory;

public sealed class NewModel(StatutoryService statutory, LanguageAdvice advice, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Wording worth changing, shown before saving; empty once the writer saves it as it is.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        /// <summary>True when the writer has seen the advice on their wording and saves it as it is.</summary>
        public bool SaveAnyway { get; set; }

        [Required(ErrorMessage = "Select which process")]
        [Display(Name = "Which process?")]
        public StatutoryProcessKind? Kind { get; set; }

        [Display(Name = "When did it start?")]
        public DateOnly? Date { get; set; }

        [Display(Name = "For a move: which move?")]
        public string? Transfer { get; set; }

        [Display(Name = "For a Tribunal order: what did it order?")]
        public string? Order { get; set; }

        [Display(Name = "Details (optional)")]
        public string? Detail { get; set; }
    }

    [ChildPage(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess)]
    public IActionResult OnGet() => Page();

    [ChildPage(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess)]
    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var kind = Input.Kind!.Value;
        var detail = kind switch
        {
            StatutoryProcessKind.PhaseTransfer => Input.Transfer,
            StatutoryProcessKind.TribunalOrder => Input.Order,
            _ => Input.Detail,
        };
        Advice = await advice.ReviewAsync(await CurrentUser.ActorAsync(), Input.SaveAnyway, new WrittenField("Input.Detail", "Details", detail));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await statutory.RecordEventAsync(Access, new(null, kind, kind.FirstEvent(), Input.Date, null, detail), await CurrentUser.ActorAsync());
        if (result.Error is { } error)
        {
            return Invalid(error);
        }

        Confirm($"{kind.Text()} recorded");
        return Redirect(ChildLinks.StatutoryProcess(childId, result.Value!.Id));
    }
}
