#!/bin/bash
/etc/eks/bootstrap.sh ${cluster_name}
