using MediatR;

namespace TicketSaas.BuildingBlocks.Application.Messaging;

/// <summary>A request that only reads. Queries never open a unit of work.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;
