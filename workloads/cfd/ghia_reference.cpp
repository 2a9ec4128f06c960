#include "workloads/cfd/ghia_reference.h"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace corebench::cfd {
namespace {

struct Row {
  std::string profile;
  int re = 0;
  ProfilePoint point;
};

std::vector<Row> parse_table() {
  std::vector<Row> rows;
  std::istringstream in{std::string(ghia1982_csv())};
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("profile,", 0) == 0) continue;
    std::istringstream fields(line);
    Row row;
    std::string re, coord, velocity;
    std::getline(fields, row.profile, ',');
    std::getline(fields, re, ',');
    std::getline(fields, coord, ',');
    std::getline(fields, velocity, ',');
    row.re = std::stoi(re);
    row.point = {std::stod(coord), std::stod(velocity)};
    rows.push_back(row);
  }
  return rows;
}

bool misprinted(const Row& row) {
  return row.profile == "v_horizontal" && row.re == 400 && row.point.coord == 0.9063;
}

}  // namespace

GhiaProfiles ghia_profiles(int re) {
  GhiaProfiles profiles;
  for (const Row& row : parse_table()) {
    if (row.re != re || misprinted(row)) continue;
    (row.profile == "u_vertical" ? profiles.u_vertical : profiles.v_horizontal)
        .push_back(row.point);
  }
  if (profiles.u_vertical.empty() || profiles.v_horizontal.empty())
    throw std::invalid_argument("Ghia et al. (1982) tabulate no profiles at Re " +
                                std::to_string(re));
  return profiles;
}

bool ghia_has(double re) {
  for (const Row& row : parse_table())
    if (row.re == re) return true;
  return false;
}

}  // namespace corebench::cfd
