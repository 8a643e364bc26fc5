import torch
from torch import nn
import torch.nn.functional as F
# Network with nn.BatchNorm layer
# xdoctest: +REQUIRES(env:TORCH_DOCTEST_CUDA)
module = torch.nn.Sequential(
           torch.nn.Linear(20, 100),
           torch.nn.BatchNorm1d(100),
         ).cuda()
# creating process group (optional)
# ranks is a list of int identifying rank ids.
ranks = list(range(8))
r1, r2 = ranks[:4], ranks[4:]
# Note: every rank calls into new_group for every
# process group created, even if that rank is not
# part of the group.
# xdoctest: +SKIP("distributed")
process_groups = [torch.distributed.new_group(pids) for pids in [r1, r2]]
process_group = process_groups[0 if dist.get_rank() <= 3 else 1]
sync_bn_module = torch.nn.SyncBatchNorm.convert_sync_batchnorm(module, process_group)
