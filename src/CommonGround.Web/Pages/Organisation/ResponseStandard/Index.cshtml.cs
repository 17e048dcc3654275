using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.ResponseStandard;

/// <summary>The organisation's promise on concerns: working days to acknowledge and to answer in full. New concerns use it.</summary>
public sealed class IndexModel(ConcernInboxService inbox, ConcernService concerns, CurrentUser currentUser) : PageBase
{
    private const string DaysError = "Enter a whole number of working days from 1 to 60";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Core.Concerns.ResponseStandard Standard { get; private set; } = default!;

    public sealed class InputModel
    {
        [Display(Name = "Working days to acknowledge")]
        [Required(ErrorMessage = DaysError)]
        [Range(1, Core.Concerns.ResponseStandard.MaxWorkingDays, ErrorMessage = DaysError)]
        public int? AcknowledgeWorkingDays { get; set; }

        [Display(Name = "Working days to respond in full")]
        [Required(ErrorMessage = DaysError)]
        [Range(1, Core.Concerns.ResponseStandard.MaxWorkingDays, ErrorMessage = DaysError)]
        public int? RespondWorkingDays { get; set; }

        [Display(Name = "Working days to acknowledge an urgent concern")]
        [Required(ErrorMessage = DaysError)]
        [Range(1, Core.Concerns.ResponseStandard.MaxWorkingDays, ErrorMessage = DaysError)]
        public int? UrgentAcknowledgeWorkingDays { get; set; }

        [Display(Name = "Working days to respond in full to an urgent concern")]
        [Required(ErrorMessage = DaysError)]
        [Range(1, Core.Concerns.ResponseStandard.MaxWorkingDays, ErrorMessage = DaysError)]
        public int? UrgentRespondWorkingDays { get; set; }
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new InputModel
        {
            AcknowledgeWorkingDays = Standard.AcknowledgeWorkingDays,
            RespondWorkingDays = Standard.RespondWorkingDays,
            UrgentAcknowledgeWorkingDays = Standard.UrgentAcknowledgeWorkingDays,
            UrgentRespondWorkingDays = Standard.UrgentRespondWorkingDays,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await inbox.SetStandardAsync(
            new SetResponseStandardOptions(Standard.OrganisationId, Input.AcknowledgeWorkingDays!.Value, Input.RespondWorkingDays!.Value,
                Input.UrgentAcknowledgeWorkingDays!.Value, Input.UrgentRespondWorkingDays!.Value),
            await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Response standard saved", "Concerns raised from now on use it. Concerns already raised keep their dates.");
        return Redirect("/organisation/response-standard");
    }

    private async Task LoadAsync() => Standard = await concerns.StandardForAsync((await currentUser.GetAsync())!.Organisation!.Id);
}
