#include "workloads/hmmer/hits_table.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <fstream>
#include <stdexcept>

namespace corebench::hmmer {
namespace {

std::string or_dash(const std::string& text) {
  return text.empty() ? "-" : text;
}

}  // namespace

void write_hits_table(std::ostream& out, const std::vector<Hmm>& models,
                      const std::vector<ModelSearch>& searches,
                      const std::vector<Sequence>& targets) {
  out << "# target name  accession  query name  accession  E-value  score  bias  "
         "best-domain E-value  score  bias\n";
  for (std::size_t m = 0; m < models.size(); ++m)
    for (const Hit& hit : searches[m].hits)
      fmt::print(out, "{} - {} {} {:9.2g} {:6.1f} {:5.1f} {:9.2g} {:6.1f} {:5.1f}\n",
                 targets[hit.target].name, models[m].name, or_dash(models[m].accession), hit.evalue,
                 hit.score, hit.bias, hit.best_evalue, hit.best.score, hit.best.bias);
}

void write_hits_table_file(const std::string& path, const std::vector<Hmm>& models,
                           const std::vector<ModelSearch>& searches,
                           const std::vector<Sequence>& targets) {
  std::ofstream out(path);
  write_hits_table(out, models, searches, targets);
  if (!out.flush()) throw std::runtime_error(path + ": cannot write the hits table");
}

}  // namespace corebench::hmmer
