using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Advice;
using CommonGround.Core.Children;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Advice;

/// <summary>
/// The adviser, or the local authority, records that an appointment for an examination or test needed for EHC advice
/// was missed: the 6 weeks may then not apply, and the record says so beside the legal date.
/// </summary>
public sealed class MissedAppointmentModel(AdviceService advice, MissedAppointmentService appointments, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public AdviceRequest Asked { get; private set; } = default!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "When was the appointment?")]
        public DateOnly? MissedOn { get; set; }

        public int Version { get; set; }
    }

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid requestId)
    {
        if (await LoadAsync(requestId) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Version = Asked.Version };
        return Page();
    }

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnPostAsync(Guid requestId)
    {
        if (await LoadAsync(requestId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await appointments.RecordMissedAppointmentAsync(Access, requestId, Input.Version, Input.MissedOn, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("The missed appointment is recorded", "The legal date stays on the record, with a note that an exception may apply. The advice should still come as soon as it can.");
        return Redirect(ChildLinks.AdviceRequest(Access.Child.Id, requestId));
    }

    private async Task<IActionResult?> LoadAsync(Guid requestId)
    {
        if (await advice.GetAsync(Access, requestId) is not { } request)
        {
            return NotFound();
        }

        Asked = request;
        DescribeRead(request.Part, $"Advice from {request.AdviserName}");
        return null;
    }
}
