using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Statutory;

public sealed class NewModel(StatutoryService statutory, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
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
        var result = await statutory.RecordEventAsync(Access, new(null, kind, kind.FirstEvent(), Input.Date, null, detail), await CurrentUser.ActorAsync());
        if (result.Error is { } error)
        {
            return Invalid(error);
        }

        Confirm($"{kind.Text()} recorded");
        return Redirect(ChildLinks.StatutoryProcess(childId, result.Value!.Id));
    }
}
