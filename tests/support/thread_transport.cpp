#include "support/thread_transport.h"

#include <algorithm>
#include <stdexcept>

namespace corebench::testing {

class ThreadNetwork::Endpoint final : public lulesh::Transport {
 public:
  Endpoint(ThreadNetwork& network, int rank) : net_(network), rank_(rank) {}
  int rank() const override { return rank_; }
  int size() const override { return net_.ranks_; }

  void exchange(std::span<const lulesh::Outgoing> out,
                std::span<const lulesh::Incoming> in) override {
    std::unique_lock lock(net_.mutex_);
    for (const lulesh::Outgoing& message : out) {
      Mailbox& box = net_.box(rank_, message.peer);
      net_.changed_.wait(lock, [&] { return !box.full; });
      box.data.assign(message.data.begin(), message.data.end());
      box.full = true;
    }
    net_.changed_.notify_all();
    for (const lulesh::Incoming& message : in) {
      Mailbox& box = net_.box(message.peer, rank_);
      net_.changed_.wait(lock, [&] { return box.full; });
      if (box.data.size() != message.data.size())
        throw std::logic_error("thread transport: a message of the wrong size");
      std::copy(box.data.begin(), box.data.end(), message.data.begin());
      box.full = false;
      net_.changed_.notify_all();
    }
  }

  void minimum(std::span<double> values) override {
    std::unique_lock lock(net_.mutex_);
    if (net_.arrived_ == 0)
      net_.partial_.assign(values.begin(), values.end());
    else
      for (std::size_t i = 0; i < values.size(); ++i)
        net_.partial_[i] = std::min(net_.partial_[i], values[i]);
    const long generation = net_.generation_;
    if (++net_.arrived_ == net_.ranks_) {
      net_.reduced_ = net_.partial_;
      net_.arrived_ = 0;
      ++net_.generation_;
      net_.changed_.notify_all();
    } else {
      net_.changed_.wait(lock, [&] { return net_.generation_ != generation; });
    }
    std::copy(net_.reduced_.begin(), net_.reduced_.end(), values.begin());
  }

 private:
  ThreadNetwork& net_;
  int rank_;
};

ThreadNetwork::ThreadNetwork(int ranks)
    : ranks_(ranks), boxes_(std::size_t(ranks) * std::size_t(ranks)) {}

std::unique_ptr<lulesh::Transport> ThreadNetwork::transport(int rank) {
  return std::make_unique<Endpoint>(*this, rank);
}

}  // namespace corebench::testing
