using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>A page about one concern: 404 when it is not the child's, or is about a part of the record the person may not see.</summary>
public abstract class ConcernPageBase(AccessService accessService, ConcernService concerns, CurrentUser currentUser) : ChildPageBase(accessService, currentUser)
{
    public Concern Concern { get; private set; } = default!;

    protected ConcernService Concerns => concerns;

    public DateOnly Today { get; protected set; }

    protected async Task<IActionResult?> LoadConcernAsync(Guid childId, Guid concernId, Capability capability)
    {
        if (await AuthoriseAsync(childId, capability, RecordArea.Concerns) is { } refused)
        {
            return refused;
        }

        if (await concerns.GetAsync(Access, concernId) is not { } concern)
        {
            return NotFound();
        }

        Concern = concern;
        return null;
    }

    /// <summary>For the owner's steps: the concern is loaded and the person may answer it, or they get 403.</summary>
    protected async Task<IActionResult?> LoadForOwnerAsync(Guid childId, Guid concernId) =>
        await LoadConcernAsync(childId, concernId, Capability.RespondToConcern)
        ?? (await Concerns.MayAnswerAsync(Access, Concern, CurrentUser.UserId!.Value) ? null : StatusCode(StatusCodes.Status403Forbidden));

    protected IActionResult Done(string heading, string? detail = null)
    {
        Confirm(heading, detail);
        return Redirect(ConcernService.Link(Access.Child.Id, Concern.Id));
    }

    /// <summary>Shows the error; if someone else changed the concern meanwhile, the form carries the latest version.</summary>
    protected async Task<IActionResult> FailedAsync(Core.Error error, Func<Guid, Guid> setVersion)
    {
        if (error is ConcernChangedMeanwhile && await Concerns.GetAsync(Access, Concern.Id) is { } latest)
        {
            Concern = latest;
            ModelState.Remove("Input.Version");
            setVersion(latest.Version);
        }

        return Invalid(error);
    }
}
